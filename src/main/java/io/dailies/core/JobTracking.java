package io.dailies.core;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * What imports and runs share as batch jobs: which job execution carries the work now, which node
 * runs it (after a crash each node recovers only its own), when it was asked for and finished, and
 * why it failed. The columns keep the names they had on each table.
 */
@Embeddable
public class JobTracking {

    /** The job execution now carrying the work; changes when the job is restarted. */
    private Long jobExecutionId;
    @Column(length = 100)
    private String node;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant finishedAt;
    @Column(length = 2000)
    private String failure;

    protected JobTracking() {
    }

    JobTracking(String node) {
        this.node = node;
        this.createdAt = Instant.now();
    }

    void startedAs(long executionId) {
        this.jobExecutionId = executionId;
    }

    void finished(String failure) {
        this.finishedAt = Instant.now();
        this.failure = failure == null || failure.length() <= 2000 ? failure : failure.substring(0, 2000);
    }

    void noted(String failure) {
        this.failure = failure == null || failure.length() <= 2000 ? failure : failure.substring(0, 2000);
    }

    /** Running again (a restart): not finished, no failure. */
    void reopened() {
        this.finishedAt = null;
        this.failure = null;
    }

    public Long jobExecutionId() { return jobExecutionId; }
    public String node() { return node; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }
    public String failure() { return failure; }
}
