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

    /**
     * Which of the project's active shots the run renders: all of them, the ones with no delivered take yet
     * (pending), or the ones whose latest take failed, was deferred or is to be retaken (failed).
     */
    public enum Shots { ALL, PENDING, FAILED }

    /** How a take left unsubmitted at the run's submission deadline is failed: it starts with this. */
    public static final String DEFERRED = "Deferred to the next night";

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

    /** The shots a producer picked for this run (the console's selection); empty: every shot {@link #getShots()} names. */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "run_picked_shot", joinColumns = @JoinColumn(name = "run_id"))
    @Column(name = "shot_id", nullable = false)
    private java.util.Set<Long> pickedShots = new java.util.HashSet<>();

    /** Set when a producer abandons a stopped or failed run: it is never restarted (a new run renders its shots). */
    private Instant abandonedAt;

    @Column(length = 64)
    private String abandonedBy;

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

    /** Which shots the run renders (null: all active shots, as a run started by hand). */
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Shots shots;
    /** A cap on what the run plans, in USD (a scheduled night's budget); null: no cap beyond the project's budget. */
    @Column(precision = 12, scale = 4)
    private java.math.BigDecimal capUsd;
    /**
     * The submission deadline (a scheduled window's end): no new take is sent after it; takes in flight are
     * still collected and the ones not sent are deferred. Null: no deadline.
     */
    private Instant submitUntil;

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
    public java.util.Set<Long> getPickedShots() { return pickedShots; }
    public void pick(java.util.Collection<Long> shotIds) { pickedShots.addAll(shotIds); }
    public Instant getAbandonedAt() { return abandonedAt; }
    public String getAbandonedBy() { return abandonedBy; }

    /** A STOPPED or FAILED run that will never be restarted. */
    public void abandon(String by, Instant at) {
        if (status != Status.STOPPED && status != Status.FAILED) {
            throw new IllegalStateException("Run " + id + " is " + status + "; only a STOPPED or FAILED run can be abandoned");
        }
        abandonedBy = by;
        abandonedAt = at;
    }
    public Shots getShots() { return shots == null ? Shots.ALL : shots; }
    public java.math.BigDecimal getCapUsd() { return capUsd; }
    public Instant getSubmitUntil() { return submitUntil; }

    /** A scheduled night's limits: which shots, at most this much planned, nothing new sent after {@code submitUntil}. */
    public void limitTo(Shots shots, java.math.BigDecimal capUsd, Instant submitUntil) {
        this.shots = shots;
        this.capUsd = capUsd;
        this.submitUntil = submitUntil;
    }

    /** Whether a new take may still be submitted at {@code now}: always, unless the deadline has passed. */
    public boolean acceptsSubmissionsAt(Instant now) {
        return submitUntil == null || now.isBefore(submitUntil);
    }

    /** What a take not submitted before the deadline is told: why, and that nothing was charged. */
    public String deferralReason() {
        return DEFERRED + ": the run's window closed at " + submitUntil + " before this take was submitted;"
                + " nothing was charged. The next night's run renders it.";
    }

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
