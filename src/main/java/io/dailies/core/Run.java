package io.dailies.core;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.Version;
import java.time.Instant;

/** One render of a project's shots: a take per shot, submitted, collected, scored and reported. */
@Entity
@Table(name = "render_run")
@NamedQuery(name = "Run.all", query = "select r from Run r join fetch r.project order by r.id desc")
public class Run {

    public enum Status { QUEUED, RUNNING, COMPLETED, FAILED, STOPPED }

    /** How the takes reach the provider: one create call each, or one Batch API job (half price, slower). */
    public enum Mode { SYNC, BATCH }

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    private Project project;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.QUEUED;

    @Embedded
    private JobTracking job;

    /** The job listener, a restart or stop request and the report step may change a run at once. */
    @Version
    private int version;

    /** How many takes may be in flight with the provider at once. */
    private int concurrency;
    /** Whether a judge model also gives its opinion on each take (off by default). */
    private boolean judge;
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Mode mode = Mode.SYNC;
    /** Started by the schedule (an overnight run) rather than by a person. */
    private boolean scheduled;
    private int totalTakes;

    @Column(length = 1000)
    private String reportFile;

    protected Run() {
    }

    public Run(Project project, int concurrency, boolean judge, String node) {
        this(project, concurrency, judge, node, Mode.SYNC, false);
    }

    public Run(Project project, int concurrency, boolean judge, String node, Mode mode, boolean scheduled) {
        this.mode = mode;
        this.scheduled = scheduled;
        this.project = project;
        this.concurrency = concurrency;
        this.judge = judge;
        this.job = new JobTracking(node);
    }

    public Long getId() { return id; }
    public Project getProject() { return project; }
    public Status getStatus() { return status; }
    public Long getJobExecutionId() { return job.jobExecutionId(); }
    /** The job execution that carries the run from now on (a start or a restart). */
    public void startedAs(long executionId) { job.startedAs(executionId); }
    public String getNode() { return job.node(); }
    public int getConcurrency() { return concurrency; }
    public boolean isJudge() { return judge; }
    public Mode getMode() { return mode == null ? Mode.SYNC : mode; }
    public boolean isScheduled() { return scheduled; }
    public int getTotalTakes() { return totalTakes; }
    public void setTotalTakes(int totalTakes) { this.totalTakes = totalTakes; }
    public Instant getCreatedAt() { return job.createdAt(); }
    public Instant getFinishedAt() { return job.finishedAt(); }
    public String getReportFile() { return reportFile; }
    public void setReportFile(String reportFile) { this.reportFile = reportFile; }
    public String getFailure() { return job.failure(); }
    public JobTracking getJob() { return job; }

    /**
     * The run's state as its job reports it: QUEUED or RUNNING reopen it (a restart), any other
     * status finishes it, with the failure when there is one. A completed run is never reopened.
     */
    public void moveTo(Status next, String failure) {
        if (status == Status.COMPLETED && next != Status.COMPLETED) {
            throw new IllegalStateException("Run " + id + " is COMPLETED; it cannot become " + next);
        }
        status = next;
        if (next == Status.QUEUED || next == Status.RUNNING) {
            job.reopened();
        } else {
            // A reason a failed step noted first is more precise than the job's own: it is kept.
            job.finished(next == Status.FAILED && job.failure() != null ? job.failure() : failure);
        }
    }

    /** Why the run is failing, in the words of the step that failed; the job's end then keeps it. */
    public void noteFailure(String why) {
        job.noted(why);
    }
}
