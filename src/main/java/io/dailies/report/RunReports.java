package io.dailies.report;

import io.dailies.Storage;
import io.dailies.production.Run;
import io.dailies.production.Take;
import io.dailies.scoring.Review;
import io.dailies.scoring.Reviews;
import io.dailies.scoring.RunScores;
import io.dailies.scoring.Score;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's dailies report from what the database knows now: scores, judge scores, and the
 * reviewers' verdicts, which override the automated ones.
 */
@ApplicationScoped
public class RunReports {

    @PersistenceContext
    EntityManager em;

    @Inject
    Storage storage;

    @Inject
    Reviews reviews;

    @Inject
    RunScores runScores;

    @Transactional
    public Path write(long runId) {
        Run run = em.find(Run.class, runId);
        List<Take> takes = em.createNamedQuery("Take.byRun", Take.class).setParameter("runId", runId).getResultList();
        Map<Long, Score> scores = runScores.byTake(runId);
        Map<Long, Review> reviewed = reviews.latestByTake(runId);
        List<ReportRow> rows = new ArrayList<>(takes.size());
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        for (Take t : takes) {
            ReportRow row = row(t, scores.get(t.getId()), reviewed.get(t.getId()));
            rows.add(row);
            verdicts.merge(row.verdict() == null ? "not scored" : row.verdict(), 1, Integer::sum);
        }
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Project", run.getProject().getName());
        summary.put("Run", run.getId().toString());
        summary.put("Started", run.getCreatedAt().toString());
        summary.put("Takes", Integer.toString(takes.size()));
        summary.put("Failed takes", Long.toString(takes.stream().filter(t -> t.getStatus() == Take.Status.FAILED).count()));
        summary.put("Reviewed takes", Integer.toString(reviewed.size()));
        verdicts.forEach((v, n) -> summary.put("Verdict " + v, n.toString()));
        // What the run spent, by how it bought its takes: only generations that delivered a take are charged.
        summary.put("Mode", run.getMode().name().toLowerCase(java.util.Locale.ROOT)
                + (run.getMode() == Run.Mode.BATCH ? " (Batch API, batch price)" : " (one create call per take)"));
        java.math.BigDecimal spent = rows.stream().map(ReportRow::costUsd).filter(java.util.Objects::nonNull)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        summary.put("Cost " + run.getMode().name().toLowerCase(java.util.Locale.ROOT) + " (USD)", spent.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        summary.put("Takes charged", Long.toString(rows.stream().filter(r -> r.costUsd() != null).count()));
        Path file = storage.dir("reports").resolve("run-" + run.getId() + ".xlsx");
        try {
            RunReport.write(file, rows, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report of run " + runId, e);
        }
        run.setReportFile(file.toString());
        return file;
    }

    public static ReportRow row(Take t, Score s, Review review) {
        List<ReportRow.Criterion> criteria = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        if (t.getFailure() != null) {
            notes.append(t.getFailure());
        }
        lint(t.getShot().getLint(), notes);
        String verdict = s == null ? null : s.getVerdict();
        if (review != null) {
            line(notes, "Reviewed by " + review.getReviewer() + " on " + review.getReviewedAt() + ": " + review.getVerdict()
                    + (verdict == null || verdict.equals(review.getVerdict().name()) ? "" : " (automated verdict " + verdict + ")")
                    + (review.getNotes() == null || review.getNotes().isBlank() ? "" : " — " + review.getNotes()));
            verdict = review.getVerdict().name();
        }
        Integer judgeAdherence = null;
        Integer judgeRealism = null;
        if (s == null) {
            String why = t.getStatus() == Take.Status.FAILED ? "No take to measure: the generation failed." : "Not scored yet.";
            ReportRow.CRITERIA.forEach(name -> criteria.add(new ReportRow.Criterion(name, null, why)));
        } else {
            criteria.add(new ReportRow.Criterion("Prompt adherence", s.getPromptAdherence(), s.getPromptAdherenceNote()));
            criteria.add(new ReportRow.Criterion("Motion quality", s.getMotionQuality(), s.getMotionQualityNote()));
            criteria.add(new ReportRow.Criterion("Physical realism", s.getPhysicalRealism(), s.getPhysicalRealismNote()));
            criteria.add(new ReportRow.Criterion("Continuity", s.getContinuity(), s.getContinuityNote()));
            criteria.add(new ReportRow.Criterion("Audio sync", s.getAudioSync(), s.getAudioSyncNote()));
            for (ReportRow.Criterion c : criteria) {
                if (c.note() != null && !c.note().isBlank()) {
                    line(notes, c.name() + ": " + c.note());
                }
            }
            if (s.getRecommendations() != null && !s.getRecommendations().isBlank()) {
                line(notes, "Fix: " + s.getRecommendations().replace("\n", "; "));
            }
            if (s.getJudgeModel() != null) {
                judgeAdherence = s.getJudgePromptAdherence();
                judgeRealism = s.getJudgePhysicalRealism();
                line(notes, "Judge (" + s.getJudgeModel() + "): " + (s.getJudgeRationale() == null ? "" : s.getJudgeRationale()));
            }
        }
        return new ReportRow(t.getShot().getSequence().getCode(), t.getShot().getCode(), t.getPrompt(), t.getVideoId(),
                t.getStatus().name(), t.getFilePath(), criteria, s == null ? null : s.getOverall(), verdict, notes.toString(),
                judgeAdherence, judgeRealism, review == null ? null : review.getNotes(),
                t.getRun().getMode().name().toLowerCase(java.util.Locale.ROOT), charged(t));
    }

    /** A take is paid for once the provider delivered it; a refused or failed generation costs nothing. */
    public static java.math.BigDecimal charged(Take t) {
        return t.getCompletedAt() != null && t.getVideoId() != null ? t.getCostUsd() : null;
    }

    /** The linter's warnings on the shot's prompt (errors already stopped the take and say so above). */
    private static void lint(String json, StringBuilder notes) {
        lint(json, notes, false);
    }

    /** The linter's findings on a shot's prompt as note lines; errors too when asked. */
    static void lint(String json, StringBuilder notes, boolean withErrors) {
        if (json == null || json.isBlank()) {
            return;
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            for (var v : reader.readArray()) {
                var f = v.asJsonObject();
                if (withErrors || "WARNING".equals(f.getString("severity", ""))) {
                    line(notes, "Lint " + f.getString("severity", "") + " " + f.getString("rule") + ": " + f.getString("message")
                            + (f.getString("fix", "").isBlank() ? "" : " Fix: " + f.getString("fix")));
                }
            }
        }
    }

    private static void line(StringBuilder notes, String text) {
        notes.append(notes.length() == 0 ? "" : "\n").append(text);
    }
}
