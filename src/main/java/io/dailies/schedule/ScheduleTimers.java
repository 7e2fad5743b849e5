package io.dailies.schedule;

import io.dailies.production.RunService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The schedules' timers: one persistent, programmatic single-action EJB timer per schedule, set for its next
 * window's opening, that does nothing but decide the night ({@link Nights}) and start the render job (as Cargo
 * Tracker's scheduled batch does). Persistent timers are kept by the server's timer store (a file under the data
 * directory by default; a database store for a cluster, docs/operations.md), so they outlive a restart; the
 * schedules in the database are the truth they are rebuilt from.
 *
 * <p>At start-up every schedule is looked at once: a window that opened while the server was down is caught up
 * if it is still open, or recorded as missed; a run registered but never started is started; and each schedule's
 * timer is set again. A timer the store restored fires too, and finds its night decided: a firing is one per
 * schedule and date. Timeouts and edits are serialized by the singleton's lock, so two never decide at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduleTimers {

    private static final Logger LOG = Logger.getLogger(ScheduleTimers.class.getName());
    private static final String PREFIX = "schedule:";
    private static final String STARTUP = "startup";
    /** At most this many missed windows of one schedule are recorded at start-up (the latest). */
    private static final int MAX_MISSED = 14;

    @Resource
    TimerService timers;

    @Inject
    Nights nights;

    @Inject
    Schedules schedules;

    @Inject
    RunService runs;

    @Inject
    ScheduleClock clock;

    /** When this deployment started: runs registered before it and never started are this boot's to start. */
    private Instant bootedAt;

    @PostConstruct
    void boot() {
        bootedAt = clock.now();
        // After the deployment is up: the catch-up may start jobs, and the application must be there to run them.
        timers.createSingleActionTimer(1_000, new TimerConfig(STARTUP, false));
    }

    @Timeout
    void timeout(Timer timer) {
        String info = String.valueOf(timer.getInfo());
        try {
            if (STARTUP.equals(info)) {
                startup();
            } else if (info.startsWith(PREFIX)) {
                String[] parts = info.substring(PREFIX.length()).split(":", 2);
                fire(Long.parseLong(parts[0]), LocalDate.parse(parts[1]));
            }
        } catch (RuntimeException e) {
            // A timer that throws is retried by the container; a night's decision is recorded or not at all, so it is
            // logged instead and the next window still comes.
            LOG.log(Level.WARNING, "Schedule timer " + info + " failed: " + e, e);
        }
    }

    /**
     * Sets (or moves) the schedule's timer to its next window; a paused or deleted schedule gets none. In the
     * caller's transaction: the schedule it reads is the one being saved, and the timer exists once that commits.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void arm(long scheduleId) {
        arm(scheduleId, clock.now());
    }

    private void arm(long scheduleId, Instant after) {
        Schedules.Armed next = schedules.nextOpening(scheduleId, after);
        String want = next == null ? null : PREFIX + scheduleId + ":" + next.opening().date();
        boolean have = false;
        for (Timer t : timers.getTimers()) {
            String info = String.valueOf(t.getInfo());
            if (info.startsWith(PREFIX + scheduleId + ":")) {
                if (info.equals(want) && !have) {
                    have = true;
                } else {
                    cancel(t);
                }
            }
        }
        if (want != null && !have) {
            timers.createSingleActionTimer(Date.from(next.opening().opens()), new TimerConfig(want, true));
            LOG.info(() -> "Schedule " + scheduleId + ": next window opens " + next.opening().opens() + " (" + want + ")");
        }
    }

    private static void cancel(Timer t) {
        try {
            t.cancel();
        } catch (RuntimeException gone) {
            // expired or cancelled meanwhile
        }
    }

    /** One window opened: its night decided, its run started, and the timer set for the next window. */
    void fire(long scheduleId, LocalDate date) {
        Instant now = clock.now();
        Nights.Decision decision = nights.decide(scheduleId, date, now);
        if (decision != null && decision.runId() != null) {
            start(decision.firingId(), decision.runId());
        }
        if (decision != null) {
            LOG.info(() -> "Schedule " + scheduleId + ", window of " + date + ": " + nights.find(decision.firingId()).getOutcome()
                    + (decision.runId() == null ? "" : ", run " + decision.runId()));
        }
        // The next timer: after this window's opening even if the timer came a moment early (Nights allows that).
        Instant after = now;
        Schedules.Armed s = schedules.nextOpening(scheduleId, now);
        ScheduleWindow.Opening opening = s == null ? null : s.window().on(date).orElse(null);
        if (opening != null && opening.opens().isAfter(after)) {
            after = opening.opens();
        }
        arm(scheduleId, after);
    }

    private void start(long firingId, long runId) {
        try {
            runs.startJob(runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled run " + runId + " did not start", e);
            nights.startFailed(firingId, e.getMessage());
        }
    }

    /** The start-up look: catch up or record what was missed while down, start runs left unstarted, set every timer. */
    private void startup() {
        Instant now = clock.now();
        for (long runId : nights.unstartedRuns(bootedAt)) {
            LOG.info(() -> "Scheduled run " + runId + " was registered but not started before the server stopped; starting it");
            try {
                runs.startJob(runId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Scheduled run " + runId + " did not start", e);
            }
        }
        for (long id : schedules.activeIds()) {
            Schedules.Armed s = schedules.nextOpening(id, now);
            if (s == null) {
                continue;
            }
            Instant last = nights.lastOpening(id);
            Instant from = last != null && last.isAfter(s.armedAt()) ? last : s.armedAt().minusMillis(1);
            for (ScheduleWindow.Opening due : s.window().between(from, now, MAX_MISSED)) {
                fire(id, due.date());
            }
            arm(id, now);
        }
    }
}
