package io.dailies.shotlist;

import io.dailies.core.Project;
import io.dailies.core.ShotlistImport;
import io.dailies.prompt.ProjectLook;
import io.dailies.shotlist.sheet.ProjectSheets;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;

/** Gives the project the workbook's look, marks shots that left the workbook as omitted (their takes stay) and closes the import. */
@Dependent
@Named("finishImport")
public class FinishImport extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String importId;

    @PersistenceContext
    EntityManager em;

    @Inject
    io.dailies.provider.catalog.ModelCatalog catalog;

    @Override
    @Transactional
    public String process() throws Exception {
        long id = Long.parseLong(importId);
        ShotlistImport i = em.find(ShotlistImport.class, id);
        // The project's look comes with the workbook: its Characters and Style Spine sheets (empty when absent).
        Project project = em.find(Project.class, i.getProjectId());
        ProjectSheets sheets = ProjectSheets.read(Path.of(i.getStoredPath()), catalog, i.getShotSheets());
        project.setLook(ProjectLook.json(sheets.bible().characters()), ProjectLook.json(sheets.spine()));
        // The budget comes with the workbook too: a Settings sheet without one clears it.
        project.setBudgetUsd(sheets.projectSettings().budgetUsd());
        int omitted = 0;
        if (projectShots(i.getProjectId()) > (long) i.getShotsCreated() + i.getShotsUpdated() + i.getShotsUnchanged()) {
            // Some shot of the project was not stored by this import (each stored shot counts once, in the same
            // transaction as the shot): look for it. Else there is none, and the scan of every shot is spared.
            omitted = em.createQuery("update Shot s set s.omitted = true, s.updatedAt = :now where s.omitted = false"
                            + " and (s.lastImportId is null or s.lastImportId <> :importId)"
                            + " and s.sequence.id in (select q.id from Sequence q where q.project.id = :projectId)")
                    .setParameter("now", Instant.now())
                    .setParameter("importId", id)
                    .setParameter("projectId", i.getProjectId())
                    .executeUpdate();
        }
        i.setShotsOmitted(omitted);
        // Every shot still active came from this workbook, and the load step compiled it against this look.
        i.moveTo(ShotlistImport.Status.COMPLETED, null);
        return "COMPLETED";
    }

    /** How many shots the project has, omitted ones too: counted on the shots' sequence index, no row read. */
    private long projectShots(long projectId) {
        return em.createQuery("select count(s) from Shot s where s.sequence.id in"
                        + " (select q.id from Sequence q where q.project.id = :projectId)", Long.class)
                .setParameter("projectId", projectId).getSingleResult();
    }
}
