package io.dailies.emulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Set;

/**
 * A batch of the emulated Batch API. Its state is computed from time and persisted step by step, so a
 * restart resumes it where it was; its requests are {@link EmulatedBatchLine}s.
 */
@Entity
@Table(name = "emulator_batch")
@NamedQuery(name = "EmulatedBatch.page", query = "select b.id from EmulatedBatch b order by b.createdAtMillis desc, b.id desc")
@NamedQuery(name = "EmulatedBatch.open", query = "select b.id from EmulatedBatch b where b.status in :open order by b.createdAtMillis")
@NamedQuery(name = "EmulatedBatch.count", query = "select count(b) from EmulatedBatch b")
public class EmulatedBatch {

    // The reference's status values.
    public static final String VALIDATING = "validating";
    public static final String FAILED = "failed";
    public static final String IN_PROGRESS = "in_progress";
    public static final String FINALIZING = "finalizing";
    public static final String COMPLETED = "completed";
    public static final String EXPIRED = "expired";
    public static final String CANCELLING = "cancelling";
    public static final String CANCELLED = "cancelled";
    /** The statuses a batch still moves on from. */
    public static final List<String> OPEN = List.of(VALIDATING, IN_PROGRESS, FINALIZING, CANCELLING);
    /** The endpoints the emulator runs batches for. */
    public static final Set<String> ENDPOINTS = Set.of("/v1/videos", "/v1/chat/completions");

    @Id
    @Column(length = 64)
    private String id;
    @Column(nullable = false, length = 40) private String endpoint;
    @Column(nullable = false, length = 64) private String inputFileId;
    @Column(nullable = false, length = 8) private String completionWindow;
    @Column(nullable = false, length = 20) private String status;
    private long createdAtMillis;
    /** When validation ends and when the completion window closes, fixed at creation so restarts do not change them. */
    private long validatedAtMillis;
    private long expiresAtMillis;
    private Long inProgressAtMillis;
    private Long finalizingAtMillis;
    private Long completedAtMillis;
    private Long failedAtMillis;
    private Long expiredAtMillis;
    private Long cancellingAtMillis;
    private Long cancelledAtMillis;
    @Column(length = 64) private String outputFileId;
    @Column(length = 64) private String errorFileId;
    /** Why validation refused the input file: the reference's errors object, as JSON. */
    @Column(length = 100_000) private String errors;
    /** The client's metadata object as JSON, or null. */
    @Column(length = 20_000) private String metadata;
    /** output_expires_after.seconds, when the client set it. */
    private Long outputExpiresAfterSeconds;
    private int total;
    private int completed;
    private int failed;

    protected EmulatedBatch() {
    }

    public EmulatedBatch(String id, String endpoint, String inputFileId, long createdAtMillis, long validatingMillis,
                         long windowMillis, String metadata, Long outputExpiresAfterSeconds) {
        this.id = id;
        this.endpoint = endpoint;
        this.inputFileId = inputFileId;
        this.completionWindow = "24h";
        this.status = VALIDATING;
        this.createdAtMillis = createdAtMillis;
        this.validatedAtMillis = createdAtMillis + validatingMillis;
        this.expiresAtMillis = createdAtMillis + windowMillis;
        this.metadata = metadata;
        this.outputExpiresAfterSeconds = outputExpiresAfterSeconds;
    }

    public String getId() { return id; }
    public String getEndpoint() { return endpoint; }
    public String getInputFileId() { return inputFileId; }
    public String getCompletionWindow() { return completionWindow; }
    public String getStatus() { return status; }
    public long getCreatedAtMillis() { return createdAtMillis; }
    public long getValidatedAtMillis() { return validatedAtMillis; }
    public long getExpiresAtMillis() { return expiresAtMillis; }
    public Long getInProgressAtMillis() { return inProgressAtMillis; }
    public Long getFinalizingAtMillis() { return finalizingAtMillis; }
    public Long getCompletedAtMillis() { return completedAtMillis; }
    public Long getFailedAtMillis() { return failedAtMillis; }
    public Long getExpiredAtMillis() { return expiredAtMillis; }
    public Long getCancellingAtMillis() { return cancellingAtMillis; }
    public Long getCancelledAtMillis() { return cancelledAtMillis; }
    public String getOutputFileId() { return outputFileId; }
    public String getErrorFileId() { return errorFileId; }
    public String getErrors() { return errors; }
    public String getMetadata() { return metadata; }
    public Long getOutputExpiresAfterSeconds() { return outputExpiresAfterSeconds; }
    public int getTotal() { return total; }
    public int getCompleted() { return completed; }
    public int getFailed() { return failed; }

    public boolean isOpen() {
        return OPEN.contains(status);
    }

    /** The input file was refused: nothing was created from it. */
    public void fail(long nowMillis, String errorsJson) {
        status = FAILED;
        failedAtMillis = nowMillis;
        errors = errorsJson;
    }

    public void start(long nowMillis) {
        status = IN_PROGRESS;
        inProgressAtMillis = nowMillis;
    }

    public void finalizing(long nowMillis) {
        status = FINALIZING;
        finalizingAtMillis = nowMillis;
    }

    public void cancelling(long nowMillis) {
        status = CANCELLING;
        cancellingAtMillis = nowMillis;
    }

    /** The end: completed, expired or cancelled, with the files that deliver what was done. */
    public void close(String finalStatus, long nowMillis, String outputFileId, String errorFileId) {
        switch (finalStatus) {
            case COMPLETED -> completedAtMillis = nowMillis;
            case EXPIRED -> expiredAtMillis = nowMillis;
            case CANCELLED -> cancelledAtMillis = nowMillis;
            default -> throw new IllegalArgumentException("A batch does not close as " + finalStatus);
        }
        status = finalStatus;
        this.outputFileId = outputFileId;
        this.errorFileId = errorFileId;
    }

    public void count(int total, int completed, int failed) {
        this.total = total;
        this.completed = completed;
        this.failed = failed;
    }
}
