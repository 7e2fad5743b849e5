package io.dailies.shotlist;

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
 * Streams the Shots sheet row by row. Its checkpoint is the Excel row last handed out, so a restarted
 * import resumes after it. The validation pass asks to always start over ({@code resume=false}),
 * since it checks rows against each other (duplicates).
 */
@Dependent
@Named("shotRowReader")
public class ShotRowReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    @BatchProperty
    String resume;

    @Inject
    ImportService imports;

    @Inject
    StepContext step;

    @Inject
    ModelCatalog catalog;

    private ShotSheetReader sheet;
    private int lastRow;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        Path workbook = Path.of(imports.find(Long.parseLong(importId)).getStoredPath());
        sheet = ShotSheetReader.open(workbook);
        // The processor names columns by their letters in this workbook, and fills blanks from its Settings sheet.
        step.setTransientUserData(new RowContext(sheet.layout(), ProjectSheets.read(workbook, catalog)));
        if (checkpoint instanceof Integer row && !"false".equals(resume)) {
            sheet.skipTo(row + 1);
            lastRow = row;
        }
    }

    @Override
    public Object readItem() {
        if (!sheet.hasNext()) {
            return null;
        }
        var row = sheet.next();
        lastRow = row.row();
        return row;
    }

    @Override
    public Serializable checkpointInfo() {
        return "false".equals(resume) ? null : lastRow;
    }

    @Override
    public void close() throws Exception {
        if (sheet != null) {
            sheet.close();
        }
    }
}
