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
 * The load pass's reader: the rows the validation pass checked ({@link CheckedRows}), in the workbook's order, each
 * with its prompt when the validation pass compiled it. Its checkpoint is how many it handed out, so a restarted load
 * resumes after them.
 */
@Dependent
@Named("checkedRowReader")
public class CheckedRowReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportService imports;

    @Inject
    StepContext step;

    @Inject
    ModelCatalog catalog;

    private CheckedRows.Reader rows;
    private int read;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        ShotlistImport record = imports.find(Long.parseLong(importId));
        Path workbook = Path.of(record.getStoredPath());
        // Only the header rows are read here: the writer names columns by their letters and compiles against the
        // workbook's side sheets.
        try (ShotSheetReader sheet = ShotSheetReader.open(workbook, record.getShotSheets())) {
            step.setTransientUserData(new RowContext(sheet.layout(), ProjectSheets.read(workbook, catalog, sheet.sheetNames())));
        }
        rows = new CheckedRows.Reader(CheckedRows.of(record.getStoredPath()));
        int done = checkpoint instanceof Integer n ? n : 0;
        while (read < done && rows.next() != null) {
            read++;
        }
    }

    @Override
    public Object readItem() throws Exception {
        CheckedRows.Checked row = rows.next();
        if (row != null) {
            read++;
        }
        return row;
    }

    @Override
    public Serializable checkpointInfo() {
        return read;
    }

    @Override
    public void close() throws Exception {
        if (rows != null) {
            rows.close();
        }
    }
}
