package io.dailies.shotlist;

import io.dailies.core.ImportIssue;
import io.dailies.core.ShotlistImport;
import java.time.Instant;
import java.util.List;

/**
 * Where an import stands (GET /api/shotlists/{id}, and the answer to an upload): the counts of
 * {@link ImportSummary}, every listed issue, cell by cell, where the shot list was found ({@code shotListFound}, in
 * words, and {@code shotSheets}), and the warnings: problems that did not refuse the workbook, such as a side sheet
 * Dailies could not read.
 */
public record ImportStatus(Long id, String filename, String project, ShotlistImport.Status status, Long projectId,
                           Long jobExecutionId, int rows, int created, int updated, int unchanged, int omitted,
                           int issueCount, boolean partial, int reviewsRecorded, int rowsWithIssues,
                           Instant createdAt, Instant finishedAt, String failure, List<ImportIssueView> issues,
                           String shotListFound, List<String> shotSheets, List<ImportIssueView> warnings) {

    static ImportStatus of(ShotlistImport i) {
        return of(i, i.getJobExecutionId());
    }

    /** As just started: the job records its execution id itself, so the answer names the one it was started as. */
    static ImportStatus of(ShotlistImport i, Long jobExecutionId) {
        return new ImportStatus(i.getId(), i.getFilename(), i.getProjectName(), i.getStatus(), i.getProjectId(),
                jobExecutionId, i.getRowsRead(), i.getShotsCreated(), i.getShotsUpdated(), i.getShotsUnchanged(),
                i.getShotsOmitted(), i.getIssueCount(), i.isPartial(), i.getReviewsRecorded(), i.getRowsWithIssues(),
                i.getCreatedAt(), i.getFinishedAt(), i.getFailure(),
                i.getIssues().stream().filter(c -> !c.isWarning()).map(ImportIssueView::of).toList(),
                i.getShotListFound(), i.getShotSheets(),
                i.getIssues().stream().filter(ImportIssue::isWarning).map(ImportIssueView::of).toList());
    }
}
