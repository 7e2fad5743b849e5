package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.shotlist.sheet.ProjectSheets;
import io.dailies.shotlist.sheet.ShotSheetReader;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * The validation pass's reader: streams the shot list row by row, from the sheets the inspect step found it on.
 * It keeps no checkpoint: the pass checks rows against each other (duplicates), so a restarted one starts over.
 */
@Dependent
@Named("shotRowReader")
public class ShotRowReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportService imports;

    @Inject
    StepContext step;

    @Inject
    ModelCatalog catalog;

    private ShotSheetReader sheet;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        ShotlistImport record = imports.find(Long.parseLong(importId));
        Path workbook = Path.of(record.getStoredPath());
        // The sheets the inspect step found the shot list on.
        sheet = ShotSheetReader.open(workbook, record.getShotSheets());
        // The processor names columns by their letters in this workbook, and fills blanks from its Settings sheet.
        step.setTransientUserData(new RowContext(sheet.layout(), ProjectSheets.read(workbook, catalog, sheet.sheetNames())));
    }

    @Override
    public Object readItem() {
        if (!sheet.hasNext()) {
            return null;
        }
        return sheet.next();
    }

    @Override
    public void close() throws Exception {
        if (sheet != null) {
            sheet.close();
        }
    }
}
