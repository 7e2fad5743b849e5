package io.dailies.production;

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

    /** The render-run job execution now carrying the run; changes when the run is restarted. */
    private Long jobExecutionId;
    /** Which server runs it: after a crash each node restarts only its own runs. */
    @Column(length = 100)
    private String node;

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

    @Column(nullable = false)
    private Instant createdAt;
    private Instant finishedAt;

    @Column(length = 1000)
    private String reportFile;
    @Column(length = 2000)
    private String failure;

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
        this.node = node;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public Project getProject() { return project; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Long getJobExecutionId() { return jobExecutionId; }
    public void setJobExecutionId(Long jobExecutionId) { this.jobExecutionId = jobExecutionId; }
    public String getNode() { return node; }
    public int getConcurrency() { return concurrency; }
    public boolean isJudge() { return judge; }
    public Mode getMode() { return mode == null ? Mode.SYNC : mode; }
    public boolean isScheduled() { return scheduled; }
    public int getTotalTakes() { return totalTakes; }
    public void setTotalTakes(int totalTakes) { this.totalTakes = totalTakes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
    public String getReportFile() { return reportFile; }
    public void setReportFile(String reportFile) { this.reportFile = reportFile; }
    public String getFailure() { return failure; }
    public void setFailure(String failure) { this.failure = failure == null || failure.length() <= 2000 ? failure : failure.substring(0, 2000); }
}
