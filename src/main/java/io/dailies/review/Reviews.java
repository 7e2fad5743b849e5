package io.dailies.review;

import io.dailies.core.Review;
import io.dailies.core.Take;
import io.dailies.core.Verdict;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reviewers' verdicts on takes; the latest one wins over the automated verdict. */
@ApplicationScoped
public class Reviews {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public Review add(long takeId, Verdict verdict, String notes, String reviewer, Review.Source source) {
        Take take = em.find(Take.class, takeId);
        if (take == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No take " + takeId + ".");
        }
        Review review = new Review(take, verdict, notes, reviewer, source);
        em.persist(review);
        return review;
    }

    @Transactional
    public List<Review> ofTake(long takeId) {
        return em.createNamedQuery("Review.byTake", Review.class).setParameter("takeId", takeId).getResultList();
    }

    /** A page of the take's reviews, newest first. */
    @Transactional
    public Page<Review> ofTake(long takeId, PageRequest page) {
        List<Review> reviews = page.rows(em.createNamedQuery("Review.byTake", Review.class).setParameter("takeId", takeId));
        return new Page<>(reviews, page.total(reviews, () -> em.createQuery("select count(r) from Review r where r.take.id = :t",
                Long.class).setParameter("t", takeId).getSingleResult()), page);
    }

    /** The latest review of each reviewed take of a run, by take id. */
    @Transactional
    public Map<Long, Review> latestByTake(long runId) {
        Map<Long, Review> latest = new HashMap<>();
        for (Review r : em.createNamedQuery("Review.byRun", Review.class).setParameter("runId", runId).getResultList()) {
            latest.putIfAbsent(r.getTake().getId(), r);
        }
        return latest;
    }
}
