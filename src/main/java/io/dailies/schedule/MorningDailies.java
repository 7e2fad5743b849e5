package io.dailies.schedule;

import io.dailies.core.Run;
import io.dailies.core.Score;
import io.dailies.core.Take;
import io.dailies.core.TakeResult;
import io.dailies.core.Verdict;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Storage;
import io.dailies.production.Verdicts;
import io.dailies.report.RunReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The morning dailies of a night: the run report of the night's run (sheet "Takes", one row per take with the
 * report's columns, and its "Run" sheet; {@link RunReports}) with a {@link MorningWorkbook} summary sheet and chart
 * added. Kept per night under {@code dailies/project-<id>/}, written when the night's run ends and afresh on each
 * download (reviews given since are in it).
 */
@ApplicationScoped
public class MorningDailies {

    @PersistenceContext
    EntityManager em;

    @Inject
    RunReports reports;

    @Inject
    Storage storage;

    @Inject
    Nights nights;

    /** Writes the night's workbook and notes it on the firing; the file. */
    @Transactional
    public Path write(long firingId) {
        Firing f = em.find(Firing.class, firingId);
        if (f == null || f.getRunId() == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No night " + firingId + " with a run.");
        }
        Schedule schedule = em.find(Schedule.class, f.getScheduleId());
        Run run = em.find(Run.class, f.getRunId());
        NightSummary summary = summary(f);
        Map<String, String> head = new LinkedHashMap<>();
        head.put("Project", run.getProject().getName());
        String zone = schedule != null ? schedule.getZone() : "UTC";
        head.put("Night of", f.getWindowDate().toString());
        head.put("Window", local(f.getWindowOpens(), zone) + " to " + local(f.getWindowCloses(), zone) + " (" + zone + ")");
        head.put("Schedule", Long.toString(f.getScheduleId()));
        head.put("Run", run.getId() + " (" + run.getStatus() + ", " + run.getMode().name().toLowerCase(java.util.Locale.ROOT) + ")");
        head.put("Started", f.isCatchUp() ? f.getFiredAt() + " (caught up at start-up)" : f.getFiredAt().toString());
        if (f.getReason() != null) {
            head.put("Notes", f.getReason());
        }
        Path file = storage.dir("dailies/project-" + f.getProjectId()).resolve("night-" + f.getWindowDate() + "-firing-" + f.getId() + ".xlsx");
        reports.write(run.getId(), file, wb -> MorningWorkbook.addSummary(wb, head, summary));
        nights.reported(firingId, storage.relative(file));
        return file;
    }

    /** The night's e-mail: its project, recipients and figures. */
    @Transactional
    public DailiesMail.Morning mail(long firingId) {
        Firing f = em.find(Firing.class, firingId);
        Schedule s = em.find(Schedule.class, f.getScheduleId());
        Run run = em.find(Run.class, f.getRunId());
        return new DailiesMail.Morning(f.getProjectId(), run.getProject().getName(), firingId, f.getWindowDate().toString(),
                s == null ? List.of() : s.getRecipients(), summary(f));
    }

    /** The night in figures, from its takes, a page at a time. */
    @Transactional
    public NightSummary summary(Firing f) {
        List<NightSummary.Fact> facts = new ArrayList<>();
        List<Long> ids = em.createQuery("select t.id from Take t where t.run.id = :r order by t.id", Long.class)
                .setParameter("r", f.getRunId()).getResultList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> page = ids.subList(from, Math.min(ids.size(), from + 500));
            Verdicts verdicts = Verdicts.of(em, page);
            for (Take t : em.createQuery("select t from Take t join fetch t.run where t.id in :ids", Take.class).setParameter("ids", page)
                    .getResultList()) {
                Score s = verdicts.scores().get(t.getId());
                Verdict v = verdicts.of(t.getId());
                facts.add(new NightSummary.Fact(t.getStatus(), v, t.getSeconds(), TakeResult.charged(t), t.getFailure(),
                        s == null ? null : s.getRecommendations()));
            }
        }
        return NightSummary.of(facts, f.getBudgetUsd());
    }

    private static String local(java.time.Instant at, String zone) {
        return at.atZone(ZoneId.of(zone)).toLocalDateTime().toString().replace('T', ' ');
    }
}
