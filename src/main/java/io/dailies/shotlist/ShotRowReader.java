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
 * Streams the shot list row by row, from the sheets the inspect step found it on. Its checkpoint is the sheet
 * and Excel row last handed out, so a restarted import resumes after it. The validation pass asks to always start over ({@code resume=false}),
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
    private ShotSheetReader.Position last;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        ShotlistImport record = imports.find(Long.parseLong(importId));
        Path workbook = Path.of(record.getStoredPath());
        // The sheets the inspect step found the shot list on.
        sheet = ShotSheetReader.open(workbook, record.getShotSheets());
        // The processor names columns by their letters in this workbook, and fills blanks from its Settings sheet.
        step.setTransientUserData(new RowContext(sheet.layout(), ProjectSheets.read(workbook, catalog, sheet.sheetNames())));
        last = sheet.position();
        if (!"false".equals(resume)) {
            // An Integer is a checkpoint of a single-sheet reader from before shot lists could span sheets.
            ShotSheetReader.Position at = checkpoint instanceof ShotSheetReader.Position p ? p
                    : checkpoint instanceof Integer row ? new ShotSheetReader.Position(0, row) : null;
            if (at != null) {
                sheet.skipTo(new ShotSheetReader.Position(at.sheet(), at.row() + 1));
                last = at;
            }
        }
    }

    @Override
    public Object readItem() {
        if (!sheet.hasNext()) {
            return null;
        }
        var row = sheet.next();
        last = sheet.position();
        return row;
    }

    @Override
    public Serializable checkpointInfo() {
        return "false".equals(resume) ? null : last;
    }

    @Override
    public void close() throws Exception {
        if (sheet != null) {
            sheet.close();
        }
    }
}
