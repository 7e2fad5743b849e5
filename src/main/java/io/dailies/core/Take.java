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
 * One generation of a shot in a run. Its fields double as the submission ledger: the intent
 * (request hash, idempotency key, intentAt) is committed before the paid call, the provider's
 * video id right after it, so a crash in between is reconciled, never paid twice.
 */
@Entity
@Table(name = "take", uniqueConstraints = @UniqueConstraint(columnNames = {"run_id", "shot_id"}))
@NamedQuery(name = "Take.byRun", query = "select t from Take t join fetch t.shot s join fetch s.sequence q where t.run.id = :runId order by q.position, s.position")
@NamedQuery(name = "Take.byRunAndStatus", query = "select t from Take t join fetch t.shot s join fetch s.sequence q where t.run.id = :runId and t.status in :statuses order by q.position, s.position")
@NamedQuery(name = "Take.countByRunAndStatus", query = "select t.status, count(t) from Take t where t.run.id = :runId group by t.status")
@NamedQuery(name = "Take.byVideoId", query = "select t from Take t where t.videoId = :videoId")
public class Take {

    public enum Status {
        /** Prompt compiled, nothing sent yet. */
        PLANNED,
        /** Intent recorded; the create call may or may not have reached the provider. */
        SUBMITTING,
        /** The provider accepted it and is generating. */
        GENERATING,
        /** Downloaded into the take store, waiting for scoring. */
        STORED,
        SCORED,
        FAILED;

        public boolean finished() { return this == SCORED || this == FAILED; }
    }

    @Id
    @GeneratedValue
    private Long id;

    /** The render loop, a restart and a reviewer may touch a take at once: the later commit must not overwrite blindly. */
    @Version
    private int version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "run_id")
    private Run run;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "shot_id")
    private Shot shot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PLANNED;

    @Column(nullable = false, length = Shot.PROMPT)
    private String prompt;
    @Column(nullable = false, length = 64)
    private String promptHash;
    @Column(nullable = false, length = 100) private String model;
    @Column(nullable = false, length = 20) private String size;
    private int seconds;
    /** The price of this take at planning, in USD, at the run's billing mode (catalog price x seconds). */
    @Column(precision = 12, scale = 4) private java.math.BigDecimal costUsd;

    // The submission ledger
    @Column(length = 64) private String requestHash;
    @Column(length = 80, unique = true) private String idempotencyKey;
    private Instant intentAt;
    @Column(length = 200) private String videoId;
    private Instant submittedAt;
    private int pollCount;
    private int progress;

    // The stored take
    private Instant completedAt;
    @Column(length = 1000) private String filePath;
    @Column(length = 64) private String fileSha256;
    private long fileBytes;

    @Column(length = 2000) private String failure;

    protected Take() {
    }

    public Take(Run run, Shot shot, String prompt, String promptHash) {
        this.run = run;
        this.shot = shot;
        this.prompt = prompt;
        this.promptHash = promptHash;
        this.model = shot.getModel();
        this.size = shot.getSize();
        this.seconds = shot.getSeconds();
    }

    public java.math.BigDecimal getCostUsd() { return costUsd; }
    public void setCostUsd(java.math.BigDecimal costUsd) { this.costUsd = costUsd; }

    public Long getId() { return id; }
    public Run getRun() { return run; }
    public Shot getShot() { return shot; }
    public Status getStatus() { return status; }
    public String getPrompt() { return prompt; }
    public String getPromptHash() { return promptHash; }
    public String getModel() { return model; }
    public String getSize() { return size; }
    public int getSeconds() { return seconds; }
    public String getRequestHash() { return requestHash; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public Instant getIntentAt() { return intentAt; }
    public String getVideoId() { return videoId; }
    public Instant getSubmittedAt() { return submittedAt; }
    public int getPollCount() { return pollCount; }
    public int getProgress() { return progress; }
    public Instant getCompletedAt() { return completedAt; }
    public String getFilePath() { return filePath; }

    /** The thumbnail stored beside a take's file ({@code Castle_SC1-01_take17.jpg} beside its .mp4); null for none. */
    public static String thumbnailOf(String takeFile) {
        return takeFile == null ? null : takeFile.replaceFirst("\\.mp4$", ".jpg");
    }
    public String getFileSha256() { return fileSha256; }
    public long getFileBytes() { return fileBytes; }
    public String getFailure() { return failure; }

    public void recordIntent(String requestHash, String idempotencyKey) {
        require("record a submission intent", Status.PLANNED, Status.SUBMITTING);
        this.requestHash = requestHash;
        this.idempotencyKey = idempotencyKey;
        // The first intent's time stays: reconciliation must look back to the earliest call that may have gone out.
        if (this.intentAt == null) {
            this.intentAt = Instant.now();
        }
        this.status = Status.SUBMITTING;
    }

    public void recordSubmitted(String videoId) {
        if (status == Status.GENERATING && videoId != null && videoId.equals(this.videoId)) {
            return; // reconciliation found the id this take already has
        }
        require("record the provider's video id", Status.SUBMITTING);
        this.videoId = videoId;
        this.submittedAt = Instant.now();
        this.status = Status.GENERATING;
    }

    public void recordPoll(int progress) {
        require("record a poll", Status.GENERATING);
        this.pollCount++;
        this.progress = progress;
    }

    public void recordStored(String filePath, String sha256, long bytes) {
        require("store the take", Status.GENERATING);
        this.filePath = filePath;
        this.fileSha256 = sha256;
        this.fileBytes = bytes;
        this.completedAt = Instant.now();
        this.progress = 100;
        this.status = Status.STORED;
    }

    /** Scored: the take's measurements and verdict are saved. */
    public void recordScored() {
        require("score the take", Status.STORED);
        this.status = Status.SCORED;
    }

    /** Back to the queue: the create call certainly did not reach the provider, so it may be made again. */
    public void requeue() {
        require("put the take back in the queue", Status.PLANNED, Status.SUBMITTING);
        this.status = Status.PLANNED;
    }

    /** Fails the take with a reason a producer can read; a failed take may be failed again with a newer reason. */
    public void fail(String reason) {
        require("fail the take", Status.PLANNED, Status.SUBMITTING, Status.GENERATING, Status.STORED, Status.FAILED);
        this.failure = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
        this.status = Status.FAILED;
    }

    /** A take moves forward only: a change from any other state is a bug, refused before it corrupts the ledger. */
    private void require(String what, Status... from) {
        for (Status s : from) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalStateException("Cannot " + what + " of take " + id + ": it is " + status
                + " (allowed from " + java.util.Arrays.toString(from) + ")");
    }
}
