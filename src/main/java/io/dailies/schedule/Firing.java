package io.dailies.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What one opening of a schedule's window came to: a run started (on time, or caught up at start-up), or
 * skipped, missed or failed with the reason. One per schedule and window date, so a timer that fires twice
 * (a restored timer and the start-up check) starts nothing twice. The night's run, when it ends, adds what
 * was deferred at the window's end and the morning workbook.
 */
@Entity
@Table(name = "schedule_firing", uniqueConstraints = @UniqueConstraint(columnNames = {"schedule_id", "window_date"}))
public class Firing {

    public enum Outcome {
        /** A run started. */
        STARTED,
        /** Nothing started, on purpose: a run still going, nothing to do, a budget that covers nothing. */
        SKIPPED,
        /** The server was down for the whole window. */
        MISSED,
        /** Something refused the run (the project's budget, a failure to start the job). */
        FAILED
    }

    @Id
    @GeneratedValue
    private Long id;

    @Version
    private int version;

    @Column(name = "schedule_id", nullable = false)
    private long scheduleId;
    @Column(nullable = false)
    private long projectId;
    @Column(name = "window_date", nullable = false)
    private LocalDate windowDate;
    @Column(nullable = false)
    private Instant windowOpens;
    @Column(nullable = false)
    private Instant windowCloses;
    @Column(nullable = false)
    private Instant firedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Outcome outcome;
    /** Started late, at start-up, because the server was down when the window opened. */
    private boolean catchUp;
    @Column(length = 2000)
    private String reason;

    private Long runId;
    /** Takes the night planned, and shots its budget left for another night. */
    private int planned;
    private int leftOverBudget;
    @Column(precision = 12, scale = 2)
    private BigDecimal budgetUsd;
    @Column(precision = 12, scale = 4)
    private BigDecimal estimateUsd;

    // When the night's run ended
    @Column(length = 20)
    private String runStatus;
    private Instant runFinishedAt;
    /** Takes not submitted before the window closed: deferred to the next night. */
    private int deferred;
    @Column(length = 1000)
    private String reportFile;
    @Column(length = 500)
    private String mail;

    protected Firing() {
    }

    public Firing(Schedule schedule, ScheduleWindow.Opening opening, Instant now) {
        this.scheduleId = schedule.getId();
        this.projectId = schedule.getProject().getId();
        this.windowDate = opening.date();
        this.windowOpens = opening.opens();
        this.windowCloses = opening.closes();
        this.firedAt = now;
        this.budgetUsd = schedule.getBudgetUsd();
    }

    void started(long runId, int planned, int leftOverBudget, BigDecimal estimateUsd, boolean catchUp, String reason) {
        this.outcome = Outcome.STARTED;
        this.runId = runId;
        this.planned = planned;
        this.leftOverBudget = leftOverBudget;
        this.estimateUsd = estimateUsd;
        this.catchUp = catchUp;
        this.reason = cut(reason);
    }

    void ended(Outcome outcome, String reason) {
        this.outcome = outcome;
        this.reason = cut(reason);
    }

    void runEnded(String status, Instant at, int deferred, String reason) {
        this.runStatus = status;
        this.runFinishedAt = at;
        this.deferred = deferred;
        if (reason != null) {
            this.reason = cut(this.reason == null ? reason : this.reason + " " + reason);
        }
    }

    void reported(String reportFile) {
        this.reportFile = reportFile;
    }

    void mailed(String what) {
        this.mail = what == null || what.length() <= 500 ? what : what.substring(0, 500);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    public Long getId() { return id; }
    public long getScheduleId() { return scheduleId; }
    public long getProjectId() { return projectId; }
    public LocalDate getWindowDate() { return windowDate; }
    public Instant getWindowOpens() { return windowOpens; }
    public Instant getWindowCloses() { return windowCloses; }
    public Instant getFiredAt() { return firedAt; }
    public Outcome getOutcome() { return outcome; }
    public boolean isCatchUp() { return catchUp; }
    public String getReason() { return reason; }
    public Long getRunId() { return runId; }
    public int getPlanned() { return planned; }
    public int getLeftOverBudget() { return leftOverBudget; }
    public BigDecimal getBudgetUsd() { return budgetUsd; }
    public BigDecimal getEstimateUsd() { return estimateUsd; }
    public String getRunStatus() { return runStatus; }
    public Instant getRunFinishedAt() { return runFinishedAt; }
    public int getDeferred() { return deferred; }
    public String getReportFile() { return reportFile; }
    public String getMail() { return mail; }
}
