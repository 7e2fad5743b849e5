package io.dailies.shotlist;

import io.dailies.core.ImportIssue;
import io.dailies.core.Project;
import io.dailies.core.ShotlistImport;
import io.dailies.platform.Storage;
import io.dailies.shotlist.sheet.CellIssue;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Properties;

/** Starts shot list imports and keeps their record; the shotlist-import job does the work. */
@ApplicationScoped
public class ImportService {

    public static final String JOB = "shotlist-import";

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ShotlistImport register(String filename, String storedPath, String projectName, boolean partial) {
        return register(filename, storedPath, projectName, partial, false);
    }

    /** {@code nameFromFile}: the project was not named with the upload, so the Settings sheet's name wins. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ShotlistImport register(String filename, String storedPath, String projectName, boolean partial, boolean nameFromFile) {
        return register(filename, storedPath, projectName, partial, nameFromFile, List.of());
    }

    /** {@code sheets}: the sheets the producer named the shot list's; empty to let the import find it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ShotlistImport register(String filename, String storedPath, String projectName, boolean partial, boolean nameFromFile,
                                   List<String> sheets) {
        ShotlistImport i = new ShotlistImport(filename, storedPath, projectName, Storage.node(), partial);
        i.setProjectNameFromFile(nameFromFile);
        i.setRequestedSheets(sheets);
        em.persist(i);
        return i;
    }

    /** Starts the job; call once register() has committed, so the job always finds the import. */
    public long startJob(long importId) {
        Properties params = new Properties();
        params.setProperty("importId", Long.toString(importId));
        return operator().start(JOB, params);
    }

    @Transactional
    public ShotlistImport recordExecution(long importId, long executionId) {
        ShotlistImport i = em.find(ShotlistImport.class, importId);
        i.startedAs(executionId);
        return i;
    }

    @Transactional
    public ShotlistImport find(long id) {
        ShotlistImport i = em.find(ShotlistImport.class, id);
        if (i != null) {
            i.getIssues().size(); // read the issues while the persistence context is open
        }
        return i;
    }

    public List<ShotlistImport> recent(int max) {
        return em.createNamedQuery("ShotlistImport.all", ShotlistImport.class).setMaxResults(max).getResultList();
    }

    @Transactional
    public void setStatus(long importId, ShotlistImport.Status status) {
        ShotlistImport i = em.find(ShotlistImport.class, importId);
        i.moveTo(status, null);
    }

    /** Rejects the workbook as a whole (not a spreadsheet, no shot list, missing columns...). */
    @Transactional
    public void reject(long importId, List<CellIssue> issues) {
        reject(importId, issues, List.of());
    }

    /** Rejects the workbook as a whole, listing the warnings found beside the errors. */
    @Transactional
    public void reject(long importId, List<CellIssue> issues, List<CellIssue> warnings) {
        ShotlistImport i = em.find(ShotlistImport.class, importId);
        i.clearAllIssues();
        issues.forEach(c -> i.addIssue(toIssue(c)));
        warnings.forEach(c -> i.addIssue(toIssue(c).asWarning()));
        i.moveTo(ShotlistImport.Status.REJECTED, null);
    }

    /**
     * Records where the shot list was found (the sheets every later step reads) and the warnings of the workbook's
     * side sheets, which never refuse it.
     */
    @Transactional
    public void inspected(long importId, List<String> shotSheets, String found, List<CellIssue> warnings) {
        ShotlistImport i = em.find(ShotlistImport.class, importId);
        i.clearAllIssues();
        i.setShotSheets(shotSheets);
        i.setShotListFound(found);
        warnings.forEach(c -> i.addIssue(toIssue(c).asWarning()));
    }

    @Transactional
    public void fail(long importId, String why) {
        ShotlistImport i = em.find(ShotlistImport.class, importId);
        i.moveTo(ShotlistImport.Status.FAILED, why);
    }

    /** Names the project an import goes into (from the workbook's Settings sheet). */
    @Transactional
    public void nameProject(long importId, String name) {
        em.find(ShotlistImport.class, importId).setProjectName(name);
    }

    /** The project an import goes into, created on first use; called only once the workbook is known to be valid. */
    @Transactional
    public Project projectFor(long importId) {
        ShotlistImport i = em.find(ShotlistImport.class, importId);
        Project p = em.createNamedQuery("Project.byName", Project.class).setParameter("name", i.getProjectName())
                .getResultStream().findFirst().orElse(null);
        if (p == null) {
            p = new Project(i.getProjectName());
            em.persist(p);
        }
        p.touch();
        i.setProjectId(p.getId());
        i.moveTo(ShotlistImport.Status.IMPORTING, null);
        return p;
    }

    static ImportIssue toIssue(CellIssue c) {
        return new ImportIssue(c.sheet(), c.row(), c.column(), c.field(), c.value(), c.message());
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
