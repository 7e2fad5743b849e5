package io.dailies.production;

import io.dailies.core.Review;
import io.dailies.core.Score;
import io.dailies.core.Verdict;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores and latest reviews of a page of takes, read with two queries, and the verdict that counts for each
 * (the latest reviewer's over the automated one).
 */
public record Verdicts(Map<Long, Score> scores, Map<Long, Review> latestReviews) {

    /** Of these takes (a page: at most a few hundred ids), within the caller's transaction. */
    public static Verdicts of(EntityManager em, List<Long> takeIds) {
        Map<Long, Score> scores = new HashMap<>();
        Map<Long, Review> reviews = new HashMap<>();
        if (!takeIds.isEmpty()) {
            em.createQuery("select s from Score s where s.take.id in :ids", Score.class).setParameter("ids", takeIds).getResultList()
                    .forEach(s -> scores.put(s.getTake().getId(), s));
            em.createQuery("select r from Review r where r.take.id in :ids order by r.reviewedAt desc, r.id desc", Review.class)
                    .setParameter("ids", takeIds).getResultList().forEach(r -> reviews.putIfAbsent(r.getTake().getId(), r));
        }
        return new Verdicts(scores, reviews);
    }

    public Verdict of(long takeId) {
        return Verdict.effective(scores.get(takeId), latestReviews.get(takeId));
    }
}
