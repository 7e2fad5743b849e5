package io.dailies.schedule;

import io.dailies.core.Run;
import io.dailies.core.Take;
import io.dailies.platform.PageRequest;
import io.dailies.platform.Page;
import io.dailies.production.RunService;
import io.dailies.production.ShotSelection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a schedule's window does when it opens, recorded as a {@link Firing}: the rules of the night, in the
 * order they are asked. Each answer commits in one transaction with the run it registers, so a firing and its
 * run exist together or not at all; the job is started after the commit ({@link ScheduleTimers}).
 * <ol>
 *   <li>the window already closed (the server was down the whole time): MISSED;</li>
 *   <li>a run of the project is still going: SKIPPED, naming it (a project renders one run at a time);</li>
 *   <li>the chosen shots (pending, failed or all) are none: SKIPPED, nothing to do;</li>
 *   <li>the night's budget covers none of them: SKIPPED, saying what the first would cost;</li>
 *   <li>the project's own budget would be passed: FAILED, with the amounts;</li>
 *   <li>otherwise a run of the shots that fit the night's budget, in workbook order, with the window's end as its
 *       submission deadline: STARTED (a catch-up when it starts more than {@link #GRACE} after the window opened).</li>
 * </ol>
 */
@ApplicationScoped
public class Nights {

    /** A firing later than this after its window opened was caught up (the server was down at the time). */
    static final Duration GRACE = Duration.ofSeconds(10);
    /** A timer may come this much before its time (clocks): it still opens its window. */
    static final Duration EARLY = Duration.ofSeconds(5);

    /** How a firing relates to its window, from the instants alone. */
    enum Timing { ON_TIME, CATCH_UP, MISSED }

    /** The firing recorded, and the run to start (null when none). */
    record Decision(long firingId, Long runId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    RunService runs;

    @Inject
    ShotSelection selection;

    static Timing timing(ScheduleWindow.Opening opening, Instant now) {
        if (!now.isBefore(opening.closes())) {
            return Timing.MISSED;
        }
        return Duration.between(opening.opens(), now).compareTo(GRACE) > 0 ? Timing.CATCH_UP : Timing.ON_TIME;
    }

    /**
     * The opening of {@code date} of the schedule, decided at {@code now}; null when there is nothing to decide:
     * no such schedule (deleted) or it is paused, that date is not one of its days (changed since), the window
     * opened before the schedule was made or changed, or it was decided already (a timer firing twice).
     */
    @Transactional
    public Decision decide(long scheduleId, LocalDate date, Instant now) {
        Schedule s = em.find(Schedule.class, scheduleId);
        if (s == null || s.isPaused() || firing(scheduleId, date) != null) {
            return null;
        }
        ScheduleWindow.Opening opening = s.window().on(date).orElse(null);
        if (opening == null || opening.opens().isBefore(s.getArmedAt()) || now.isBefore(opening.opens().minus(EARLY))) {
            return null;
        }
        // Persisted once its outcome is known (the queries below would flush it half-made).
        Firing f = new Firing(s, opening, now);
        String zone = " (" + s.getZone() + ")";
        Timing timing = timing(opening, now);
        if (timing == Timing.MISSED) {
            f.ended(Firing.Outcome.MISSED, "Missed: the server was not running when the window opened at " + local(opening.opens(), s)
                    + zone + ", and by the time it was back (" + local(now, s) + ") the window had closed at " + local(opening.closes(), s)
                    + ". Nothing was started; the next window renders what is still to do.");
            return record(f, null);
        }
        long projectId = s.getProject().getId();
        Run going = runs.unfinished(projectId);
        if (going != null) {
            f.ended(Firing.Outcome.SKIPPED, "Skipped: run " + going.getId() + " of this project is still " + going.getStatus()
                    + " (" + (going.isScheduled() ? "a scheduled run" : "started by hand") + " at " + going.getCreatedAt()
                    + "); a project renders one run at a time. What it leaves undone is for the next window.");
            return record(f, null);
        }
        Run.Mode mode = s.getMode() != null ? s.getMode() : Run.Mode.BATCH;
        ShotSelection.Selection chosen = selection.select(projectId, s.getShots(), mode, s.getBudgetUsd());
        if (chosen.candidates() == 0) {
            f.ended(Firing.Outcome.SKIPPED, "Skipped, nothing to do: " + switch (s.getShots()) {
                case PENDING -> "every active shot already has a delivered take.";
                case FAILED -> "no shot's latest take failed, was deferred or is to be retaken.";
                case ALL -> "the project has no active shots.";
            });
            return record(f, null);
        }
        if (chosen.shots().isEmpty()) {
            ShotSelection.Selection uncapped = selection.select(projectId, s.getShots(), mode, null);
            f.ended(Firing.Outcome.SKIPPED, String.format(Locale.US, "Skipped: the night's budget of $%.2f does not cover the first"
                    + " of the %d chosen shots (all of them would cost $%.2f at the %s price).", s.getBudgetUsd(), chosen.candidates(),
                    uncapped.estimateUsd(), mode.name().toLowerCase(Locale.ROOT)));
            return record(f, null);
        }
        Run run;
        try {
            run = runs.registerScheduled(projectId, mode, s.getShots(), s.getBudgetUsd(), opening.closes());
        } catch (RunService.OverBudget e) {
            f.ended(Firing.Outcome.FAILED, "Not started: " + e.getMessage());
            return record(f, null);
        }
        if (run == null) { // the shots changed between the two looks: nothing to do after all
            f.ended(Firing.Outcome.SKIPPED, "Skipped, nothing to do.");
            return record(f, null);
        }
        StringBuilder said = new StringBuilder();
        if (timing == Timing.CATCH_UP) {
            said.append("Caught up at start-up: the server was down when the window opened at ").append(local(opening.opens(), s))
                    .append(zone).append("; started ").append(Duration.between(opening.opens(), now).toMinutes())
                    .append(" min late, the window still open until ").append(local(opening.closes(), s)).append('.');
        }
        if (chosen.overCap() > 0) {
            said.append(said.length() == 0 ? "" : " ").append(String.format(Locale.US, "The night's budget of $%.2f covers %d of the %d"
                    + " chosen shots ($%.2f); the other %d are left for another night.", s.getBudgetUsd(), chosen.shots().size(),
                    chosen.candidates(), chosen.estimateUsd(), chosen.overCap()));
        }
        f.started(run.getId(), chosen.shots().size(), chosen.overCap(), chosen.estimateUsd(), timing == Timing.CATCH_UP,
                said.length() == 0 ? null : said.toString());
        return record(f, run.getId());
    }

    private Decision record(Firing f, Long runId) {
        em.persist(f);
        em.flush();
        return new Decision(f.getId(), runId);
    }

    /** The job of a firing's run could not be started: the firing says so. */
    @Transactional
    public void startFailed(long firingId, String why) {
        em.find(Firing.class, firingId).ended(Firing.Outcome.FAILED, "The run was registered but its job did not start: " + why);
    }

    /**
     * Runs of firings decided before {@code bootedAt} that were registered but never started (the server died in
     * between): they are started at start-up. A firing of this boot is left to the timer that decided it, whose job
     * may not have recorded its execution yet.
     */
    @Transactional
    public List<Long> unstartedRuns(Instant bootedAt) {
        return em.createQuery("select r.id from Firing f, Run r where f.runId = r.id and f.outcome = :started"
                        + " and f.firedAt < :boot and r.status = :queued and r.job.jobExecutionId is null", Long.class)
                .setParameter("started", Firing.Outcome.STARTED).setParameter("boot", bootedAt)
                .setParameter("queued", Run.Status.QUEUED).getResultList();
    }

    /** The night's run ended: its status, and what was deferred at the window's end, saying so. Null: not a night's run. */
    @Transactional
    public Firing runEnded(long runId, Instant now) {
        Firing f = em.createQuery("select f from Firing f where f.runId = :r", Firing.class).setParameter("r", runId)
                .getResultStream().findFirst().orElse(null);
        if (f == null) {
            return null;
        }
        Run run = em.find(Run.class, runId);
        long deferred = em.createQuery("select count(t) from Take t where t.run.id = :r and t.status = :failed and t.failure like :d", Long.class)
                .setParameter("r", runId).setParameter("failed", Take.Status.FAILED).setParameter("d", Run.DEFERRED + "%").getSingleResult();
        long collected = em.createQuery("select count(t) from Take t where t.run.id = :r and t.status in :made", Long.class)
                .setParameter("r", runId).setParameter("made", java.util.Set.of(Take.Status.STORED, Take.Status.SCORED)).getSingleResult();
        String said = deferred == 0 ? null : "The window closed at " + f.getWindowCloses() + ": " + deferred + " takes were not submitted"
                + " and are deferred to the next night (uncharged); the takes already with the provider were collected (" + collected
                + " made).";
        f.runEnded(run.getStatus().name(), now, (int) deferred, said);
        return f;
    }

    @Transactional
    public void reported(long firingId, String reportFile) {
        em.find(Firing.class, firingId).reported(reportFile);
    }

    @Transactional
    public void mailed(long firingId, String what) {
        em.find(Firing.class, firingId).mailed(what);
    }

    @Transactional
    public Firing find(long firingId) {
        return em.find(Firing.class, firingId);
    }

    /** The schedule's firings, newest window first, a page at a time. */
    @Transactional
    public Page<FiringView> firings(long scheduleId, PageRequest page) {
        List<Firing> rows = page.rows(em.createQuery("select f from Firing f where f.scheduleId = :s order by f.windowOpens desc, f.id desc",
                Firing.class).setParameter("s", scheduleId));
        long total = page.total(rows, () -> em.createQuery("select count(f) from Firing f where f.scheduleId = :s", Long.class)
                .setParameter("s", scheduleId).getSingleResult());
        return new Page<>(rows.stream().map(FiringView::of).toList(), total, page);
    }

    /** The project's nights that made a run, newest first, a page at a time (the morning dailies kept). */
    @Transactional
    public Page<FiringView> nights(long projectId, PageRequest page) {
        List<Firing> rows = page.rows(em.createQuery("select f from Firing f where f.projectId = :p and f.runId is not null"
                + " order by f.windowOpens desc, f.id desc", Firing.class).setParameter("p", projectId));
        long total = page.total(rows, () -> em.createQuery("select count(f) from Firing f where f.projectId = :p and f.runId is not null",
                Long.class).setParameter("p", projectId).getSingleResult());
        return new Page<>(rows.stream().map(FiringView::of).toList(), total, page);
    }

    /** The project's last night whose run has ended; null when there is none yet. */
    @Transactional
    public Firing lastNight(long projectId) {
        return em.createQuery("select f from Firing f where f.projectId = :p and f.runId is not null and f.runStatus is not null"
                        + " order by f.windowOpens desc, f.id desc", Firing.class).setParameter("p", projectId).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    @Transactional
    public Firing firing(long scheduleId, LocalDate date) {
        return em.createQuery("select f from Firing f where f.scheduleId = :s and f.windowDate = :d", Firing.class)
                .setParameter("s", scheduleId).setParameter("d", date).getResultStream().findFirst().orElse(null);
    }

    /** The newest window that fired for the schedule, or null. */
    @Transactional
    public Instant lastOpening(long scheduleId) {
        return em.createQuery("select max(f.windowOpens) from Firing f where f.scheduleId = :s", Instant.class)
                .setParameter("s", scheduleId).getSingleResult();
    }

    private static String local(Instant at, Schedule s) {
        return at.atZone(java.time.ZoneId.of(s.getZone())).toLocalDateTime().toString().replace('T', ' ');
    }

    static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
