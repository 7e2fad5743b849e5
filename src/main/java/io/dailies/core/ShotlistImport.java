package io.dailies.core;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One uploaded shot list and what became of it: imported, or rejected cell by cell. */
@Entity
@Table(name = "shotlist_import")
@NamedQuery(name = "ShotlistImport.all", query = "select i from ShotlistImport i order by i.id desc")
public class ShotlistImport {

    public enum Status {
        QUEUED, VALIDATING, IMPORTING, COMPLETED,
        /** The workbook has errors; nothing was imported. */
        REJECTED,
        /** The job itself failed (not the producer's data); it can be restarted. */
        FAILED
    }

    /** More issues than this are counted but not listed: the first ones are what a producer fixes first. */
    public static final int MAX_LISTED_ISSUES = 1000;

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 500)
    private String filename;
    @Column(nullable = false, length = 1000)
    private String storedPath;
    /** The project the import goes into: named by the producer, or after the file. */
    @Column(nullable = false, length = 200)
    private String projectName;
    private Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.QUEUED;

    @Embedded
    private JobTracking job;

    // No @Version: only the import's own job changes an import, and its steps record their counts in side
    // transactions while a chunk holds the same row; a version check there failed imports (seen in ApiListsIT).

    private int rowsRead;
    private int shotsCreated;
    private int shotsUpdated;
    private int shotsUnchanged;
    private int shotsOmitted;
    private int issueCount;
    /** Reviews typed into a written-back workbook and recorded by this import. */
    private int reviewsRecorded;
    /** Rows with at least one issue: refused, or skipped in a partial import. */
    private int rowsWithIssues;
    /** The producer asked to import the valid rows even if others have issues. */
    private boolean partial;
    /** No project was named with the upload: the workbook's Settings sheet may name it. */
    private boolean projectNameFromFile;
    @Column(length = 2000)
    private String shotSheets;
    @Column(length = 1000)
    private String shotListFound;
    @Column(length = 2000)
    private String requestedSheets;

    @ElementCollection
    @CollectionTable(name = "shotlist_import_issue", joinColumns = @JoinColumn(name = "import_id"))
    @OrderColumn(name = "position")
    private List<ImportIssue> issues = new ArrayList<>();


    protected ShotlistImport() {
    }

    public ShotlistImport(String filename, String storedPath, String projectName, String node, boolean partial) {
        this.partial = partial;
        this.filename = filename;
        this.storedPath = storedPath;
        this.projectName = projectName;
        this.job = new JobTracking(node);
    }

    public void addIssue(ImportIssue issue) {
        if (!issue.isWarning()) {
            issueCount++;
        }
        if (issues.size() < MAX_LISTED_ISSUES) {
            issues.add(issue);
        }
    }

    /** Clears the errors; warnings (found when the workbook was inspected) stay. */
    public void clearIssues() {
        issues.removeIf(i -> !i.isWarning());
        issueCount = 0;
    }

    /** Clears errors and warnings: the workbook is inspected anew. */
    public void clearAllIssues() {
        issues.clear();
        issueCount = 0;
    }

    /**
     * The sheets the shot list was read from, in workbook order, one name per line; null until the workbook was
     * inspected. A write-back into the producer's workbook reads the same sheets.
     */
    public List<String> getShotSheets() {
        return shotSheets == null || shotSheets.isEmpty() ? List.of() : List.of(shotSheets.split("\n"));
    }

    public void setShotSheets(List<String> sheets) {
        this.shotSheets = sheets.isEmpty() ? null : String.join("\n", sheets);
    }

    /** Where the shot list was found, in words: "sheet 'EP02', header in row 3". */
    public String getShotListFound() { return shotListFound; }
    public void setShotListFound(String found) {
        this.shotListFound = found == null || found.length() <= 1000 ? found : found.substring(0, 997) + "...";
    }

    /** The sheets the producer named with the upload (?sheet=), one per line; null to let Dailies find the shot list. */
    public List<String> getRequestedSheets() {
        return requestedSheets == null || requestedSheets.isEmpty() ? List.of() : List.of(requestedSheets.split("\n"));
    }

    public void setRequestedSheets(List<String> sheets) {
        this.requestedSheets = sheets == null || sheets.isEmpty() ? null : String.join("\n", sheets);
    }

    public void countRow() { rowsRead++; }
    public void countRowWithIssues() { rowsWithIssues++; }

    public void resetCounts() {
        rowsRead = 0;
        rowsWithIssues = 0;
        shotsCreated = 0;
        shotsUpdated = 0;
        shotsUnchanged = 0;
        shotsOmitted = 0;
        reviewsRecorded = 0;
    }

    public void countCreated() { shotsCreated++; }
    public void countUpdated() { shotsUpdated++; }
    public void countUnchanged() { shotsUnchanged++; }
    public void countReviewed() { reviewsRecorded++; }
    public int getReviewsRecorded() { return reviewsRecorded; }
    public void setShotsOmitted(int n) { shotsOmitted = n; }

    public Long getId() { return id; }
    public String getFilename() { return filename; }
    public String getStoredPath() { return storedPath; }
    public String getProjectName() { return projectName; }
    public boolean isProjectNameFromFile() { return projectNameFromFile; }
    public void setProjectNameFromFile(boolean fromFile) { this.projectNameFromFile = fromFile; }
    public void setProjectName(String projectName) { this.projectName = projectName; }
    public Long getProjectId() { return projectId; }
    public void setProjectId(Long projectId) { this.projectId = projectId; }
    public Status getStatus() { return status; }
    public Long getJobExecutionId() { return job.jobExecutionId(); }
    /** The job execution that carries the import from now on (a start or a restart). */
    public void startedAs(long executionId) { job.startedAs(executionId); }
    public String getNode() { return job.node(); }
    public JobTracking getJob() { return job; }

    /** The import's state as its job reports it: COMPLETED, REJECTED and FAILED finish it, the failure with it. */
    public void moveTo(Status next, String failure) {
        if (status == Status.COMPLETED && next != Status.COMPLETED) {
            throw new IllegalStateException("Import " + id + " is COMPLETED; it cannot become " + next);
        }
        status = next;
        if (next == Status.COMPLETED || next == Status.REJECTED || next == Status.FAILED) {
            job.finished(failure);
        } else {
            job.reopened();
        }
    }
    public int getRowsRead() { return rowsRead; }
    public int getShotsCreated() { return shotsCreated; }
    public int getShotsUpdated() { return shotsUpdated; }
    public int getShotsUnchanged() { return shotsUnchanged; }
    public int getShotsOmitted() { return shotsOmitted; }
    public int getIssueCount() { return issueCount; }
    public int getRowsWithIssues() { return rowsWithIssues; }
    public boolean isPartial() { return partial; }
    public List<ImportIssue> getIssues() { return issues; }
    public Instant getCreatedAt() { return job.createdAt(); }
    public Instant getFinishedAt() { return job.finishedAt(); }
    public String getFailure() { return job.failure(); }
}
