package io.dailies.core;

import java.util.ArrayList;
import java.util.List;

/** One shot's line in a run report: its take, and each criterion's score or the reason it has none. */
public record TakeResult(String sequence, String shot, String prompt, String videoId, String status, String takeFile,
                        List<Criterion> criteria, Integer overall, String verdict, String notes,
                        Integer judgePromptAdherence, Integer judgePhysicalRealism, String reviewerNotes,
                        String mode, java.math.BigDecimal costUsd) {

    public TakeResult(String sequence, String shot, String prompt, String videoId, String status, String takeFile,
                     List<Criterion> criteria, Integer overall, String verdict, String notes,
                     Integer judgePromptAdherence, Integer judgePhysicalRealism, String reviewerNotes) {
        this(sequence, shot, prompt, videoId, status, takeFile, criteria, overall, verdict, notes,
                judgePromptAdherence, judgePhysicalRealism, reviewerNotes, null, null);
    }

    public TakeResult(String sequence, String shot, String prompt, String videoId, String status, String takeFile,
                     List<Criterion> criteria, Integer overall, String verdict, String notes) {
        this(sequence, shot, prompt, videoId, status, takeFile, criteria, overall, verdict, notes, null, null, null);
    }

    public record Criterion(String name, Integer score, String note) {
    }

    /** The guide's acceptance checklist, in its order; these are the report's column headings. */
    public static final List<String> CRITERIA = List.of(
            "Prompt adherence", "Motion quality", "Physical realism", "Continuity", "Audio sync");

    /** What a take came to, as the reports and the write-back show it. */
    public static TakeResult of(Take t, Score s, Review review) {
        List<TakeResult.Criterion> criteria = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        if (t.getFailure() != null) {
            notes.append(t.getFailure());
        }
        lint(t.getShot().getLint(), notes);
        String automated = s == null ? null : s.getVerdict();
        if (review != null) {
            line(notes, "Reviewed by " + review.getReviewer() + " on " + review.getReviewedAt() + ": " + review.getVerdict()
                    + (automated == null || automated.equals(review.getVerdict().name()) ? "" : " (automated verdict " + automated + ")")
                    + (review.getNotes() == null || review.getNotes().isBlank() ? "" : " — " + review.getNotes()));
        }
        Verdict effective = Verdict.effective(s, review);
        String verdict = effective == null ? null : effective.name();
        Integer judgeAdherence = null;
        Integer judgeRealism = null;
        if (s == null) {
            String why = t.getStatus() == Take.Status.FAILED ? "No take to measure: the generation failed." : "Not scored yet.";
            TakeResult.CRITERIA.forEach(name -> criteria.add(new TakeResult.Criterion(name, null, why)));
        } else {
            criteria.add(new TakeResult.Criterion("Prompt adherence", s.getPromptAdherence(), s.getPromptAdherenceNote()));
            criteria.add(new TakeResult.Criterion("Motion quality", s.getMotionQuality(), s.getMotionQualityNote()));
            criteria.add(new TakeResult.Criterion("Physical realism", s.getPhysicalRealism(), s.getPhysicalRealismNote()));
            criteria.add(new TakeResult.Criterion("Continuity", s.getContinuity(), s.getContinuityNote()));
            criteria.add(new TakeResult.Criterion("Audio sync", s.getAudioSync(), s.getAudioSyncNote()));
            for (TakeResult.Criterion c : criteria) {
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
        return new TakeResult(t.getShot().getSequence().getCode(), t.getShot().getCode(), t.getPrompt(), t.getVideoId(),
                t.getStatus().name(), storedName(t.getFilePath()), criteria, s == null ? null : s.getOverall(), verdict, notes.toString(),
                judgeAdherence, judgeRealism, review == null ? null : review.getNotes(),
                t.getRun().getMode().name().toLowerCase(java.util.Locale.ROOT), charged(t));
    }

    /**
     * Where a take's file is, as a report shows it: relative to the storage folder, where takes are kept as
     * {@code takes/run-<id>/<name>.mp4} (e.g. {@code takes/run-3/Castle_SC1-01_take17.mp4}); never the
     * server's absolute path. Null when the take has no file.
     */
    public static String storedName(String filePath) {
        if (filePath == null || filePath.isBlank()) {
            return null;
        }
        java.nio.file.Path p = java.nio.file.Path.of(filePath);
        int n = p.getNameCount();
        if (n >= 3 && p.getName(n - 3).toString().equals("takes")) {
            return p.subpath(n - 3, n).toString().replace('\\', '/');
        }
        java.nio.file.Path name = p.getFileName();
        return name == null ? null : name.toString();
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
    public static void lint(String json, StringBuilder notes, boolean withErrors) {
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
