package io.dailies.schedule;

import io.dailies.core.Project;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** A project's schedules: made, read, changed, paused and deleted; each change moves the schedule's timer. */
@ApplicationScoped
public class Schedules {

    /** A schedule's window and since when it counts, for the timers. */
    record Armed(ScheduleWindow window, Instant armedAt, ScheduleWindow.Opening opening) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ScheduleClock clock;

    @Inject
    ScheduleTimers timers;

    @Transactional
    public ScheduleView create(long projectId, JsonObject body) {
        ScheduleRequest.Parsed parsed = ScheduleRequest.parse(body);
        Project project = project(projectId);
        Instant now = clock.now();
        Schedule s = new Schedule(project, now);
        s.set(parsed, now);
        em.persist(s);
        em.flush();
        timers.arm(s.getId()); // a persistent timer made in this transaction exists once it commits
        return ScheduleView.of(s, now);
    }

    @Transactional
    public ScheduleView get(long projectId, long scheduleId) {
        return ScheduleView.of(find(projectId, scheduleId), clock.now());
    }

    /** Replaces the schedule's settings (PUT); {@code expectedVersion}, from If-Match, refuses a lost update with 409. */
    @Transactional
    public ScheduleView update(long projectId, long scheduleId, JsonObject body, Integer expectedVersion) {
        ScheduleRequest.Parsed parsed = ScheduleRequest.parse(body);
        Schedule s = find(projectId, scheduleId);
        if (expectedVersion != null && expectedVersion != s.getVersion()) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Schedule " + scheduleId + " was changed since version " + expectedVersion
                    + " (it is at " + s.getVersion() + "); nothing was saved. Reload and try again.");
        }
        Instant now = clock.now();
        s.set(parsed, now);
        em.flush();
        timers.arm(scheduleId);
        return ScheduleView.of(s, now);
    }

    @Transactional
    public void delete(long projectId, long scheduleId) {
        Schedule s = find(projectId, scheduleId);
        em.remove(s);
        em.flush();
        timers.arm(scheduleId); // no schedule: its timer is cancelled
    }

    @Transactional
    public Page<ScheduleView> list(long projectId, PageRequest page) {
        project(projectId);
        Instant now = clock.now();
        List<Schedule> rows = page.rows(em.createQuery("select s from Schedule s where s.project.id = :p order by s.id", Schedule.class)
                .setParameter("p", projectId));
        long total = page.total(rows, () -> em.createQuery("select count(s) from Schedule s where s.project.id = :p", Long.class)
                .setParameter("p", projectId).getSingleResult());
        return new Page<>(rows.stream().map(s -> ScheduleView.of(s, now)).toList(), total, page);
    }

    /** 404 unless the schedule exists and is the project's. */
    @Transactional
    public Schedule find(long projectId, long scheduleId) {
        Schedule s = em.find(Schedule.class, scheduleId);
        if (s == null || !s.getProject().getId().equals(projectId)) {
            project(projectId);
            throw ApiProblem.of(Response.Status.NOT_FOUND, "Project " + projectId + " has no schedule " + scheduleId + ".");
        }
        return s;
    }

    /** The schedule's next window after {@code after}; null when it is gone or paused (no timer). */
    @Transactional
    Armed nextOpening(long scheduleId, Instant after) {
        Schedule s = em.find(Schedule.class, scheduleId);
        if (s == null || s.isPaused()) {
            return null;
        }
        ScheduleWindow w = s.window();
        return new Armed(w, s.getArmedAt(), w.next(after));
    }

    @Transactional
    List<Long> activeIds() {
        return em.createQuery("select s.id from Schedule s where s.paused = false order by s.id", Long.class).getResultList();
    }

    private Project project(long projectId) {
        Project p = em.find(Project.class, projectId);
        if (p == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + projectId + ".");
        }
        return p;
    }
}
