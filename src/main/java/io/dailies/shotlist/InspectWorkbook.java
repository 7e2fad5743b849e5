package io.dailies.shotlist;

import io.dailies.shotlist.sheet.ShotSheetFormatException;
import io.dailies.shotlist.sheet.ShotSheetReader;
import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.ProjectSheets;
import java.util.List;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;

/**
 * First step of an import: is this a workbook with a Shots sheet and the required columns? If not,
 * the import is rejected with the reason and the job ends without touching any shot.
 */
@Dependent
@Named("inspectWorkbook")
public class InspectWorkbook extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportService imports;

    @Override
    public String process() throws Exception {
        long id = Long.parseLong(importId);
        imports.setStatus(id, ShotlistImport.Status.VALIDATING);
        Path workbook = Path.of(imports.find(id).getStoredPath());
        try (ShotSheetReader ignored = ShotSheetReader.open(workbook)) {
            // The Characters and Style Spine sheets are checked up front too: a broken bible rejects the import.
            List<CellIssue> errors = ProjectSheets.read(workbook).errors();
            if (!errors.isEmpty()) {
                imports.reject(id, errors);
                return "REJECTED";
            }
            return "INSPECTED";
        } catch (ShotSheetFormatException e) {
            imports.reject(id, e.issues());
            return "REJECTED";
        }
    }
}
