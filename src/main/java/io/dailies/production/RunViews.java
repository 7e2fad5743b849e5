package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.core.Take;
import io.dailies.platform.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs as the API shows them: each with its take counts, read in one transaction. */
@ApplicationScoped
public class RunViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    RunService runs;

    @Inject
    RunBatches runBatches;

    /** The latest runs, newest first: two queries however many runs, the runs and all their take counts. */
    @Transactional
    public List<RunView> recent(int max) {
        List<Run> recent = runs.recent(max);
        if (recent.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Take.Status, Long>> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select t.run.id, t.status, count(t) from Take t where t.run.id in :runIds"
                        + " group by t.run.id, t.status", Object[].class)
                .setParameter("runIds", recent.stream().map(Run::getId).toList()).getResultList()) {
            counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(Take.Status.class)).put((Take.Status) row[1], (Long) row[2]);
        }
        return recent.stream().map(r -> RunView.of(r, counts.getOrDefault(r.getId(), Map.of()))).toList();
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
