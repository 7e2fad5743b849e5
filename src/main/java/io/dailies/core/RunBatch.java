package io.dailies.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The checkpoint of one Batch API job of a run (its takes, or its judge requests): each step of the
 * submission is committed before the next paid call, so a restarted run picks up the batch it already
 * created instead of paying for a second one.
 */
@Entity
@Table(name = "run_batch", uniqueConstraints = @UniqueConstraint(columnNames = {"run_id", "purpose"}))
@NamedQuery(name = "RunBatch.of", query = "select b from RunBatch b where b.run.id = :runId and b.purpose = :purpose")
public class RunBatch {

    public enum Purpose { RENDER, JUDGE }

    @Id
    @GeneratedValue
    private Long id;

    /** The run's job and a restart may record a batch's progress at once. */
    @Version
    private int version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "run_id")
    private Run run;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Purpose purpose;

    /** The JSONL's file name at the provider: how an upload cut off by a crash is found again. */
    @Column(nullable = false, length = 200) private String inputFileName;
    @Column(length = 200) private String inputFileId;
    /** Committed before the create-batch call: after a crash, look for a batch of this input file first. */
    private Instant createIntentAt;
    @Column(length = 200) private String batchId;
    @Column(length = 30) private String status;
    private int total;
    private int completed;
    private int failed;
    @Column(length = 200) private String outputFileId;
    @Column(length = 200) private String errorFileId;
    /** The output and error files were read and every line's take updated. */
    private boolean collected;
    private Instant createdAt;
    private Instant finishedAt;

    protected RunBatch() {
    }

    public RunBatch(Run run, Purpose purpose, String inputFileName) {
        this.run = run;
        this.purpose = purpose;
        this.inputFileName = inputFileName;
        this.createdAt = Instant.now();
    }

    public void recordInputFile(String fileId) { this.inputFileId = fileId; }
    public void recordCreateIntent() { if (createIntentAt == null) createIntentAt = Instant.now(); }
    public void recordBatch(String batchId, String status) { this.batchId = batchId; this.status = status; }

    public void recordProgress(String status, int total, int completed, int failed, String outputFileId, String errorFileId) {
        this.status = status;
        this.total = total;
        this.completed = completed;
        this.failed = failed;
        this.outputFileId = outputFileId;
        this.errorFileId = errorFileId;
    }

    public void recordCollected() {
        this.collected = true;
        this.finishedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Run getRun() { return run; }
    public Purpose getPurpose() { return purpose; }
    public String getInputFileName() { return inputFileName; }
    public String getInputFileId() { return inputFileId; }
    public Instant getCreateIntentAt() { return createIntentAt; }
    public String getBatchId() { return batchId; }
    public String getStatus() { return status; }
    public int getTotal() { return total; }
    public int getCompleted() { return completed; }
    public int getFailed() { return failed; }
    public String getOutputFileId() { return outputFileId; }
    public String getErrorFileId() { return errorFileId; }
    public boolean isCollected() { return collected; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
}
