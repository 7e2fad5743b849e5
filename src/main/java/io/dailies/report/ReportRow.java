package io.dailies.report;

import java.util.List;

/** One shot's line in a run report: its take, and each criterion's score or the reason it has none. */
public record ReportRow(String sequence, String shot, String prompt, String videoId, String status, String takeFile,
                        List<Criterion> criteria, Integer overall, String verdict, String notes,
                        Integer judgePromptAdherence, Integer judgePhysicalRealism, String reviewerNotes,
                        String mode, java.math.BigDecimal costUsd) {

    public ReportRow(String sequence, String shot, String prompt, String videoId, String status, String takeFile,
                     List<Criterion> criteria, Integer overall, String verdict, String notes,
                     Integer judgePromptAdherence, Integer judgePhysicalRealism, String reviewerNotes) {
        this(sequence, shot, prompt, videoId, status, takeFile, criteria, overall, verdict, notes,
                judgePromptAdherence, judgePhysicalRealism, reviewerNotes, null, null);
    }

    public ReportRow(String sequence, String shot, String prompt, String videoId, String status, String takeFile,
                     List<Criterion> criteria, Integer overall, String verdict, String notes) {
        this(sequence, shot, prompt, videoId, status, takeFile, criteria, overall, verdict, notes, null, null, null);
    }

    public record Criterion(String name, Integer score, String note) {
    }

    /** The guide's acceptance checklist, in its order; these are the report's column headings. */
    public static final List<String> CRITERIA = List.of(
            "Prompt adherence", "Motion quality", "Physical realism", "Continuity", "Audio sync");
}
