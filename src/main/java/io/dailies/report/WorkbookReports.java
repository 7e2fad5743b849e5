package io.dailies.report;

import io.dailies.core.ImportIssue;
import io.dailies.core.Project;
import io.dailies.core.Review;
import io.dailies.core.Run;
import io.dailies.core.Score;
import io.dailies.core.Shot;
import io.dailies.core.ShotlistImport;
import io.dailies.core.Take;
import io.dailies.core.TakeResult;
import io.dailies.platform.ApiProblem;
import io.dailies.provider.catalog.BillingMode;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.report.workbook.ShotResult;
import io.dailies.report.workbook.Summary;
import io.dailies.report.workbook.WorkbookWriteBack;
import io.dailies.review.Reviews;
import io.dailies.scoring.RunScores;
import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.ShotSheetFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The producer's own workbook handed back: their last upload, with Dailies' columns added or updated
 * in place from each shot's latest take (status, takes, video id, cost, the five criteria, verdict,
 * notes, a thumbnail, a console link) and a Dailies summary sheet.
 */
@ApplicationScoped
public class WorkbookReports {

    @PersistenceContext
    EntityManager em;

    @Inject
    Reviews reviews;

    @Inject
    RunScores runScores;

    @Inject
    ModelCatalog catalog;

    /** A shot not rendered yet: what the linter says of its prompt, so the producer can fix it first. */
    private static String notRendered(Shot shot) {
        StringBuilder notes = new StringBuilder("Not rendered yet.");
        TakeResult.lint(shot.getLint(), notes, true);
        return notes.toString();
    }

    @Transactional
    public Path writeBack(long projectId, Path out, String consoleBase) throws Exception {
        Project project = em.find(Project.class, projectId);
        if (project == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + projectId + ".");
        }
        ShotlistImport upload = em.createQuery("select i from ShotlistImport i where i.projectId = :p and i.status = :s order by i.id desc",
                        ShotlistImport.class).setParameter("p", projectId).setParameter("s", ShotlistImport.Status.COMPLETED)
                .setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> ApiProblem.of(Response.Status.CONFLICT, "Project " + projectId + " has no imported workbook."));
        Path workbook = Path.of(upload.getStoredPath());
        Run run = em.createQuery("select r from Run r where r.project.id = :p order by r.id desc", Run.class)
                .setParameter("p", projectId).setMaxResults(1).getResultStream().findFirst().orElse(null);
        Map<Long, Long> takesPerShot = new HashMap<>();
        for (Object[] row : em.createQuery("select t.shot.id, count(t) from Take t where t.shot.sequence.project.id = :p group by t.shot.id",
                Object[].class).setParameter("p", projectId).getResultList()) {
            takesPerShot.put((Long) row[0], (Long) row[1]);
        }
        List<Long> shotIds = em.createQuery("select s.id from Shot s join s.sequence q where q.project.id = :projectId"
                        + " and s.omitted = false order by q.position, s.position", Long.class)
                .setParameter("projectId", projectId).getResultList();
        // The import's warnings (a side sheet Dailies could not read...) go with the results, each naming its place.
        List<String> notes = upload.getIssues().stream().filter(ImportIssue::isWarning)
                .map(w -> CellIssue.text(w.getSheet(), w.getRow(), w.getColumn(), w.getField(), w.getMessage())).toList();
        Summary summary = new Summary(project.getName(), project.getBudgetUsd(), "USD", Instant.now(), notes);
        // The write-back reads the results a few times over, in shot order: a page of them is in memory at a
        // time, never the whole project's takes, scores and shots (a 100,000-shot project fits the heap).
        List<ShotResult> results = new PagedResults(shotIds, page -> results(page, run, takesPerShot, consoleBase));
        try {
            WorkbookWriteBack.writeBack(workbook, out, results, summary, upload.getShotSheets());
        } catch (ShotSheetFormatException refused) {
            // The stored workbook cannot be written back (the guard refuses it, or its shot list is gone): say why.
            throw ApiProblem.of(Response.Status.CONFLICT, "Project " + projectId + "'s workbook cannot be written back: "
                    + refused.getMessage());
        }
        return out;
    }

    /** The results of one page of shots (in the order given), read with a few bounded queries. */
    private List<ShotResult> results(List<Long> shotIds, Run run, Map<Long, Long> takesPerShot, String consoleBase) {
        Map<Long, Shot> shots = new HashMap<>();
        em.createQuery("select s from Shot s join fetch s.sequence where s.id in :ids", Shot.class).setParameter("ids", shotIds)
                .getResultList().forEach(s -> shots.put(s.getId(), s));
        Map<Long, Take> takeOfShot = new HashMap<>();
        Map<Long, Score> scores = new HashMap<>();
        Map<Long, Review> reviewed = new HashMap<>();
        if (run != null) {
            // Each shot's latest take, whichever run made it: a scheduled night that rendered only the pending or
            // failed shots leaves the others' earlier takes standing. A take deferred at a window's end was never
            // made, so it does not hide the take before it.
            em.createQuery("select t from Take t join fetch t.run where t.shot.id in :ids and t.id in (select max(t2.id) from Take t2"
                            + " where t2.shot.id in :ids and (t2.failure is null or t2.failure not like :deferred) group by t2.shot.id)", Take.class)
                    .setParameter("ids", shotIds).setParameter("deferred", Run.DEFERRED + "%").getResultList()
                    .forEach(t -> takeOfShot.put(t.getShot().getId(), t));
            List<Long> takeIds = takeOfShot.values().stream().map(Take::getId).toList();
            if (!takeIds.isEmpty()) {
                em.createQuery("select s from Score s where s.take.id in :ids", Score.class).setParameter("ids", takeIds)
                        .getResultList().forEach(s -> scores.put(s.getTake().getId(), s));
                em.createQuery("select r from Review r where r.take.id in :ids order by r.reviewedAt desc, r.id desc", Review.class)
                        .setParameter("ids", takeIds).getResultList().forEach(r -> reviewed.putIfAbsent(r.getTake().getId(), r));
            }
        }
        List<ShotResult> results = new ArrayList<>(shotIds.size());
        for (Long id : shotIds) {
            Shot shot = shots.get(id);
            Take t = takeOfShot.get(id);
            results.add(result(shot, t, t == null ? null : scores.get(t.getId()), t == null ? null : reviewed.get(t.getId()),
                    takesPerShot.getOrDefault(id, 0L).intValue(), run, consoleBase));
        }
        em.clear(); // the page is made: its entities go
        return results;
    }

    private ShotResult result(Shot shot, Take t, Score s, Review r, int takes, Run run, String consoleBase) {
        TakeResult row = t == null ? null : TakeResult.of(t, s, r);
        Map<String, String> reasons = new LinkedHashMap<>();
        if (row != null) {
            row.criteria().forEach(c -> {
                if (c.score() == null && c.note() != null) {
                    reasons.put(c.name(), c.note());
                }
            });
        }
        // What was paid for the take, at its run's billing mode (sync or batch); takes planned before costs
        // were recorded are priced at the sync rate.
        BigDecimal cost = t == null ? null : TakeResult.charged(t) != null ? TakeResult.charged(t)
                : t.getVideoId() == null || t.getCompletedAt() == null || t.getCostUsd() != null ? null
                : catalog.model(t.getModel()).map(m -> m.cost(t.getSize(), t.getSeconds(), BillingMode.SYNC)).orElse(null);
        Path thumbnail = t == null || t.getFilePath() == null ? null : Path.of(Take.thumbnailOf(t.getFilePath()));
        return new ShotResult(shot.getSequence().getCode(), shot.getCode(),
                t == null ? "NOT RENDERED" : t.getStatus().name(), takes,
                t == null ? null : "take " + t.getId(),
                t == null ? null : t.getVideoId(), cost,
                s == null ? null : s.getPromptAdherence(), s == null ? null : s.getMotionQuality(),
                s == null ? null : s.getPhysicalRealism(), s == null ? null : s.getContinuity(),
                s == null ? null : s.getAudioSync(), s == null ? null : s.getOverall(),
                row == null ? null : row.verdict(), row == null ? notRendered(shot) : row.notes(),
                thumbnail != null && Files.exists(thumbnail) ? thumbnail : null,
                t == null ? null : consoleBase + "api/runs/" + t.getRun().getId() + "/takes",
                reasons);
    }
}
