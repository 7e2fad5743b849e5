package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.List;

/**
 * Counts the rows and records every issue with the import, in the chunk's transaction, and keeps the rows without
 * an issue for the load pass ({@link CheckedRows}).
 */
@Dependent
@Named("recordImportIssues")
public class RecordImportIssues extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String importId;

    @PersistenceContext
    EntityManager em;

    private CheckedRows.Writer checked;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        // The validation pass always starts over, so whatever an earlier attempt recorded goes.
        ShotlistImport i = em.find(ShotlistImport.class, Long.parseLong(importId));
        i.clearIssues();
        i.resetCounts();
        checked = new CheckedRows.Writer(CheckedRows.of(i.getStoredPath()));
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        ShotlistImport i = em.find(ShotlistImport.class, Long.parseLong(importId));
        for (Object item : items) {
            RowCheck check = (RowCheck) item;
            i.countRow();
            if (!check.issues().isEmpty()) {
                i.countRowWithIssues();
            }
            check.issues().forEach(c -> i.addIssue(ImportService.toIssue(c)));
            if (check.shot() != null) {
                checked.write(check.shot()); // what the load pass stores
            }
        }
        checked.flush();
    }

    @Override
    public void close() throws Exception {
        if (checked != null) {
            checked.close();
        }
    }
}
