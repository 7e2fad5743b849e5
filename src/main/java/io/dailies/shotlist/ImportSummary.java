package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import java.time.Instant;

/**
 * One uploaded shot list in the list of recent imports (GET /api/shotlists): what became of it, counted,
 * without its issues. {@link ImportStatus} is the same with the issues listed.
 */
public record ImportSummary(Long id, String filename, String project, ShotlistImport.Status status, Long projectId,
                            Long jobExecutionId, int rows, int created, int updated, int unchanged, int omitted,
                            int issueCount, boolean partial, int reviewsRecorded, int rowsWithIssues,
                            Instant createdAt, Instant finishedAt, String failure) {

    static ImportSummary of(ShotlistImport i) {
        return new ImportSummary(i.getId(), i.getFilename(), i.getProjectName(), i.getStatus(), i.getProjectId(),
                i.getJobExecutionId(), i.getRowsRead(), i.getShotsCreated(), i.getShotsUpdated(), i.getShotsUnchanged(),
                i.getShotsOmitted(), i.getIssueCount(), i.isPartial(), i.getReviewsRecorded(), i.getRowsWithIssues(),
                i.getCreatedAt(), i.getFinishedAt(), i.getFailure());
    }
}
