package io.dailies.production;

import io.dailies.core.Project;
import io.dailies.core.Run;
import io.dailies.core.Shot;
import io.dailies.core.Take;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Storage;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts render runs and answers how far they got. */
@ApplicationScoped
public class RunService {

    public static final String JOB = "render-run";

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "dailies.run.concurrency", defaultValue = "4")
    int defaultConcurrency;

    @Inject
    @ConfigProperty(name = "dailies.judge.enabled", defaultValue = "false")
    boolean judgeByDefault;

    /** Above this many takes a run goes through the Batch API unless the request says otherwise. */
    @Inject
    @ConfigProperty(name = "dailies.run.batch-above-takes", defaultValue = "100")
    int batchAboveTakes;

    @Inject
    io.dailies.provider.catalog.ModelCatalog catalog;

    @Inject
    ShotSelection shotSelection;

    /** Starts the render-run job for a registered run; call outside any transaction, after register() committed. */
    public long startJob(long runId) {
        Properties params = new Properties();
        params.setProperty("runId", Long.toString(runId));
        return BatchRuntime.getJobOperator().start(JOB, params);
    }

    public int defaultConcurrency() {
        return defaultConcurrency;
    }

    public boolean judgeByDefault() {
        return judgeByDefault;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Run register(long projectId, int concurrency, boolean judge) {
        return register(projectId, concurrency, judge, null, false);
    }

    /**
     * Registers a run. {@code mode} null chooses by the default rule: the Batch API (half price, results
     * within its window) for scheduled runs and for runs of more than dailies.run.batch-above-takes takes;
     * one create call per take otherwise.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Run register(long projectId, int concurrency, boolean judge, Run.Mode mode, boolean scheduled) {
        return register(projectId, concurrency, judge, mode, scheduled, false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Run register(long projectId, int concurrency, boolean judge, Run.Mode mode, boolean scheduled, boolean allowOverBudget) {
        return register(projectId, concurrency, judge, mode, scheduled, allowOverBudget, List.of());
    }

    /** The same, rendering only the shots picked (none: every active shot); 400 naming a picked shot that cannot be. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Run register(long projectId, int concurrency, boolean judge, Run.Mode mode, boolean scheduled, boolean allowOverBudget,
                        List<Long> picked) {
        Project project = em.find(Project.class, projectId);
        if (project == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + projectId + ".");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "concurrency must be between 1 and 64, was " + concurrency + ".");
        }
        long shots = em.createQuery("select count(s) from Shot s where s.sequence.project.id = :p and s.omitted = false", Long.class)
                .setParameter("p", projectId).getSingleResult();
        if (shots == 0) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Project '" + project.getName() + "' has no shots to render; import a shot list first.");
        }
        if (!picked.isEmpty()) {
            java.util.Set<Long> renderable = new java.util.HashSet<>(em.createQuery("select s.id from Shot s where s.sequence.project.id = :p"
                    + " and s.omitted = false and s.id in :ids", Long.class).setParameter("p", projectId).setParameter("ids", picked).getResultList());
            List<Long> not = picked.stream().filter(id -> !renderable.contains(id)).distinct().limit(20).toList();
            if (!not.isEmpty()) {
                throw ApiProblem.of(Response.Status.BAD_REQUEST, "shots: " + not + " " + (not.size() == 1 ? "is not a shot" : "are not shots")
                        + " of project '" + project.getName() + "' that can be rendered (unknown, of another project, or omitted).");
            }
            shots = renderable.size();
        }
        Run.Mode chosen = mode != null ? mode : scheduled || shots > batchAboveTakes ? Run.Mode.BATCH : Run.Mode.SYNC;
        checkBudget(project, chosen, allowOverBudget, picked);
        Run run = new Run(project, concurrency, judge, Storage.node(), chosen, scheduled);
        run.pick(picked);
        em.persist(run);
        return run;
    }

    /**
     * Registers a scheduled night's run: the shots the night chose ({@link ShotSelection}, already within
     * its cap), the mode, and the window's end as the submission deadline. The project's own budget still
     * holds ({@link OverBudget} past it, which leaves the caller's transaction alone). Null when the choice
     * names no shot: nothing to do. Joins the caller's transaction, so the caller's record of why the run
     * exists commits with it.
     */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = OverBudget.class)
    public Run registerScheduled(long projectId, Run.Mode mode, Run.Shots shots, java.math.BigDecimal capUsd,
                                 java.time.Instant submitUntil) {
        Project project = em.find(Project.class, projectId);
        if (project == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + projectId + ".");
        }
        Run.Mode chosen = mode != null ? mode : Run.Mode.BATCH; // scheduled: the Batch API unless asked otherwise
        ShotSelection.Selection selection = shotSelection.select(projectId, shots, chosen, capUsd);
        if (selection.shots().isEmpty()) {
            return null;
        }
        String overBudget = budgetProblem(project, chosen, selection.estimateUsd());
        if (overBudget != null) {
            throw new OverBudget(overBudget);
        }
        Run run = new Run(project, defaultConcurrency, judgeByDefault, Storage.node(), chosen, true);
        run.limitTo(shots, capUsd, submitUntil);
        em.persist(run);
        return run;
    }

    /** The project's run that is not finished yet (QUEUED or RUNNING), the newest; null when there is none. */
    @Transactional
    public Run unfinished(long projectId) {
        return em.createQuery("select r from Run r where r.project.id = :p and r.status in :open order by r.id desc", Run.class)
                .setParameter("p", projectId).setParameter("open", java.util.Set.of(Run.Status.QUEUED, Run.Status.RUNNING))
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /**
     * A project with a budget (its Settings sheet) refuses a run that would take its spending past it,
     * unless the request allows it: money is spent only on purpose.
     */
    private void checkBudget(Project project, Run.Mode mode, boolean allowOverBudget, List<Long> picked) {
        if (project.getBudgetUsd() == null || allowOverBudget) {
            return;
        }
        io.dailies.provider.catalog.BillingMode billing = mode == Run.Mode.BATCH
                ? io.dailies.provider.catalog.BillingMode.BATCH : io.dailies.provider.catalog.BillingMode.SYNC;
        java.math.BigDecimal estimate = java.math.BigDecimal.ZERO;
        for (Shot s : em.createNamedQuery("Shot.activeByProject", Shot.class).setParameter("projectId", project.getId()).getResultList()) {
            if (!picked.isEmpty() && !picked.contains(s.getId())) {
                continue;
            }
            estimate = estimate.add(catalog.model(s.getModel()).map(m -> m.cost(s.getSize(), s.getSeconds(), billing))
                    .orElse(java.math.BigDecimal.ZERO));
        }
        checkBudget(project, mode, allowOverBudget, estimate);
    }

    private void checkBudget(Project project, Run.Mode mode, boolean allowOverBudget, java.math.BigDecimal estimate) {
        String problem = allowOverBudget ? null : budgetProblem(project, mode, estimate);
        if (problem != null) {
            throw ApiProblem.of(409, "Over budget", problem);
        }
    }

    /** A scheduled run that would go past the project's budget: not started, and the night says why. */
    public static class OverBudget extends RuntimeException {
        public OverBudget(String message) {
            super(message);
        }
    }

    /** Why a run estimated at {@code estimate} would go past the project's budget; null when it would not. */
    private String budgetProblem(Project project, Run.Mode mode, java.math.BigDecimal estimate) {
        java.math.BigDecimal budget = project.getBudgetUsd();
        if (budget == null) {
            return null;
        }
        java.math.BigDecimal spent = em.createQuery("select coalesce(sum(t.costUsd), 0) from Take t where t.run.project.id = :p"
                        + " and t.completedAt is not null and t.videoId is not null", java.math.BigDecimal.class)
                .setParameter("p", project.getId()).getSingleResult();
        if (spent.add(estimate).compareTo(budget) <= 0) {
            return null;
        }
        return String.format(java.util.Locale.US,
                "This %s run would cost up to $%.2f; project '%s' has spent $%.2f of its $%.2f budget (Settings sheet). "
                        + "Raise the budget, render fewer shots, use mode=batch (half price), or pass allowOverBudget=true.",
                mode.name().toLowerCase(java.util.Locale.ROOT), estimate, project.getName(), spent, budget);
    }

    @Transactional
    public Run recordExecution(long runId, long executionId) {
        Run run = em.find(Run.class, runId);
        run.startedAs(executionId);
        return run;
    }

    /** Why the run is failing, noted by the failed step before the job ends (kept when the job only says FAILED). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void noteFailure(long runId, String why) {
        em.find(Run.class, runId).noteFailure(why);
    }

    @Transactional
    public void setStatus(long runId, Run.Status status, String failure) {
        Run run = em.find(Run.class, runId);
        run.moveTo(status, failure);
    }

    /**
     * Marks the run abandoned and says what became of the takes it left unfinished: never sent, or sent and not
     * collected (with the provider's video id, so an operator can still fetch it by hand). Stored takes stay.
     */
    @Transactional
    public void abandon(long runId, String by) {
        Run run = em.find(Run.class, runId);
        run.abandon(by, java.time.Instant.now());
        for (Take take : em.createQuery("select t from Take t where t.run.id = :r and t.status in :open", Take.class)
                .setParameter("r", runId).setParameter("open", List.of(Take.Status.PLANNED, Take.Status.SUBMITTING, Take.Status.GENERATING))
                .getResultList()) {
            take.fail(take.getStatus() == Take.Status.PLANNED
                    ? "Not sent: run " + runId + " was abandoned by " + by + "."
                    : "Run " + runId + " was abandoned by " + by + " while this take was with the provider"
                            + (take.getVideoId() == null ? "" : " (video " + take.getVideoId() + ")") + "; it was not collected.");
        }
    }

    @Transactional
    public Run find(long runId) {
        Run run = em.find(Run.class, runId);
        if (run != null) {
            run.getProject().getName(); // load while the persistence context is open
        }
        return run;
    }

    @Transactional
    public List<Run> recent(int max) {
        return em.createNamedQuery("Run.all", Run.class).setMaxResults(max).getResultList();
    }

    @Transactional
    public List<Take> takes(long runId) {
        return em.createNamedQuery("Take.byRun", Take.class).setParameter("runId", runId).getResultList();
    }

    @Transactional
    public Map<Take.Status, Long> takeCounts(long runId) {
        Map<Take.Status, Long> counts = new EnumMap<>(Take.Status.class);
        for (Object[] row : em.createNamedQuery("Take.countByRunAndStatus", Object[].class).setParameter("runId", runId).getResultList()) {
            counts.put((Take.Status) row[0], (Long) row[1]);
        }
        return counts;
    }
}
