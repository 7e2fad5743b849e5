package io.dailies.shotlist;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Marks shots that left the workbook as omitted (their takes stay) and closes the import. */
@Dependent
@Named("finishImport")
public class FinishImport extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String importId;

    @PersistenceContext
    EntityManager em;

    @Override
    @Transactional
    public String process() {
        long id = Long.parseLong(importId);
        ShotlistImport i = em.find(ShotlistImport.class, id);
        int omitted = em.createQuery("update Shot s set s.omitted = true, s.updatedAt = :now where s.omitted = false"
                        + " and (s.lastImportId is null or s.lastImportId <> :importId)"
                        + " and s.sequence.id in (select q.id from Sequence q where q.project.id = :projectId)")
                .setParameter("now", Instant.now())
                .setParameter("importId", id)
                .setParameter("projectId", i.getProjectId())
                .executeUpdate();
        i.setShotsOmitted(omitted);
        i.setStatus(ShotlistImport.Status.COMPLETED);
        i.setFinishedAt(Instant.now());
        return "COMPLETED";
    }
}
