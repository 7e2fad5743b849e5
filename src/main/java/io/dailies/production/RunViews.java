package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.core.Take;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs as the API shows them: each with its take counts, read in one transaction. */
@ApplicationScoped
public class RunViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    RunService runs;

    @Inject
    RunBatches runBatches;

    /**
     * A page of the runs, newest first, each with its take counts; {@code projectId} and {@code statuses}
     * filter when given. Three bounded queries however many runs and takes: the page's runs, their count,
     * and the take counts of those runs grouped by status.
     */
    @Transactional
    public Page<RunView> page(PageRequest page, Long projectId, Set<Run.Status> statuses) {
        String where = " where 1 = 1" + (projectId == null ? "" : " and r.project.id = :project")
                + (statuses.isEmpty() ? "" : " and r.status in :statuses");
        TypedQuery<Run> rows = em.createQuery("select r from Run r join fetch r.project" + where + " order by r.id desc", Run.class);
        TypedQuery<Long> count = em.createQuery("select count(r) from Run r" + where, Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            if (projectId != null) {
                q.setParameter("project", projectId);
            }
            if (!statuses.isEmpty()) {
                q.setParameter("statuses", statuses);
            }
        }
        List<Run> runs = page.rows(rows);
        long total = page.total(runs, count::getSingleResult);
        if (runs.isEmpty()) {
            return new Page<>(List.of(), total, page);
        }
        Map<Long, Map<Take.Status, Long>> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select t.run.id, t.status, count(t) from Take t where t.run.id in :runIds"
                        + " group by t.run.id, t.status", Object[].class)
                .setParameter("runIds", runs.stream().map(Run::getId).toList()).getResultList()) {
            counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(Take.Status.class)).put((Take.Status) row[1], (Long) row[2]);
        }
        return new Page<>(runs, total, page).map(r -> RunView.of(r, counts.getOrDefault(r.getId(), Map.of())));
    }

    /** The run with its Batch API jobs (GET /api/runs/{id}); 404 when there is none. */
    @Transactional
    public RunView get(long runId) {
        return of(runId).withBatches(runBatches.ofRun(runId).stream().map(RunView.BatchView::of).toList());
    }

    /** The run without its Batch API jobs, as a start or restart answers; 404 when there is none. */
    @Transactional
    public RunView of(long runId) {
        return RunView.of(find(runId), runs.takeCounts(runId));
    }

    /** The run, its project loaded; 404 when there is none. */
    @Transactional
    public Run find(long runId) {
        Run run = runs.find(runId);
        if (run == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No run " + runId + ".");
        }
        return run;
    }
}
