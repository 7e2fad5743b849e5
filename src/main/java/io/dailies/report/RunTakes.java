package io.dailies.report;

import io.dailies.core.Review;
import io.dailies.core.Score;
import io.dailies.core.Take;
import io.dailies.core.Verdict;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's takes a page at a time (GET /api/runs/{id}/takes), in shot order, filtered on the server by
 * status and by the verdict that counts (the latest reviewer's, else the automated one). Whatever the
 * run's size (or narrowed to some shots by id, a grid's page), a page reads the ids of its takes (a narrow, sorted query), then those takes with their
 * shots, scores and latest reviews, and a count: never the whole run.
 */
@ApplicationScoped
public class RunTakes {

    /**
     * The take's verdict that counts is one of :verdicts: its latest review says so (latest by time, then id,
     * as {@link io.dailies.review.Reviews} orders them), or it has no review and its score does.
     */
    private static final String VERDICT = " and (exists (select r from Review r where r.take = t and r.verdict in :verdicts"
            + " and not exists (select r2 from Review r2 where r2.take = t and (r2.reviewedAt > r.reviewedAt"
            + " or (r2.reviewedAt = r.reviewedAt and r2.id > r.id))))"
            + " or (not exists (select r3 from Review r3 where r3.take = t)"
            + " and exists (select sc from Score sc where sc.take = t and sc.verdict in :verdictNames)))";

    @PersistenceContext
    EntityManager em;

    @Transactional
    public Page<RunTakeView> page(long runId, PageRequest page, Set<Take.Status> statuses, Set<Verdict> verdicts, Set<Long> shots) {
        String where = " where t.run.id = :run" + (statuses.isEmpty() ? "" : " and t.status in :statuses")
                + (shots.isEmpty() ? "" : " and t.shot.id in :shots") + (verdicts.isEmpty() ? "" : VERDICT);
        TypedQuery<Long> ids = filtered(em.createQuery("select t.id from Take t join t.shot s join s.sequence q" + where
                + " order by q.position, s.position, t.id", Long.class), runId, statuses, verdicts, shots);
        TypedQuery<Long> count = filtered(em.createQuery("select count(t) from Take t" + where, Long.class), runId, statuses, verdicts, shots);
        List<Long> onPage = page.rows(ids);
        long total = page.total(onPage, count::getSingleResult);
        if (onPage.isEmpty()) {
            return new Page<>(List.of(), total, page);
        }
        Map<Long, Take> takes = new HashMap<>();
        em.createQuery("select t from Take t join fetch t.shot s join fetch s.sequence where t.id in :ids", Take.class)
                .setParameter("ids", onPage).getResultList().forEach(t -> takes.put(t.getId(), t));
        Map<Long, Score> scores = new HashMap<>();
        em.createQuery("select s from Score s where s.take.id in :ids", Score.class).setParameter("ids", onPage)
                .getResultList().forEach(s -> scores.put(s.getTake().getId(), s));
        Map<Long, Review> latest = new HashMap<>();
        em.createQuery("select r from Review r where r.take.id in :ids order by r.reviewedAt desc, r.id desc", Review.class)
                .setParameter("ids", onPage).getResultList().forEach(r -> latest.putIfAbsent(r.getTake().getId(), r));
        List<RunTakeView> views = new ArrayList<>(onPage.size());
        for (Long id : onPage) {
            Take t = takes.get(id);
            if (t != null) {
                views.add(RunTakeView.of(t, scores.get(id), latest.get(id)));
            }
        }
        return new Page<>(views, total, page);
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, long runId, Set<Take.Status> statuses, Set<Verdict> verdicts,
                                              Set<Long> shots) {
        query.setParameter("run", runId);
        if (!shots.isEmpty()) {
            query.setParameter("shots", shots);
        }
        if (!statuses.isEmpty()) {
            query.setParameter("statuses", statuses);
        }
        if (!verdicts.isEmpty()) {
            query.setParameter("verdicts", verdicts);
            query.setParameter("verdictNames", verdicts.stream().map(Verdict::name).toList());
        }
        return query;
    }
}
