package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.ProjectSheets;
import io.dailies.shotlist.sheet.ShotSheetFormatException;
import io.dailies.shotlist.sheet.ShotSheetReader;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.List;

/**
 * First step of an import: is this a workbook with a shot list (found by its header row) and the required columns?
 * If not, the import is rejected with the reason and the job ends without touching any shot. Records the sheets
 * the shot list is on, for every later step, and the side sheets' warnings.
 */
@Dependent
@Named("inspectWorkbook")
public class InspectWorkbook extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportService imports;

    @Inject
    ModelCatalog catalog;

    @Override
    public String process() throws Exception {
        long id = Long.parseLong(importId);
        imports.setStatus(id, ShotlistImport.Status.VALIDATING);
        ShotlistImport record = imports.find(id);
        Path workbook = Path.of(record.getStoredPath());
        try (ShotSheetReader shotList = ShotSheetReader.open(workbook, record.getRequestedSheets())) {
            // The side sheets are checked up front too: a wrong cell in them rejects the import, and one Dailies
            // cannot read at all is a warning (the shots import without it).
            ProjectSheets sheets = ProjectSheets.read(workbook, catalog, shotList.sheetNames());
            List<CellIssue> errors = sheets.errors();
            if (!errors.isEmpty()) {
                imports.reject(id, errors, sheets.warnings());
                return "REJECTED";
            }
            // Every later step reads the sheets found here.
            imports.inspected(id, shotList.sheetNames(), shotList.found(), sheets.warnings());
            // An upload named after its file takes the project name its Settings sheet gives.
            String named = sheets.projectSettings().projectName();
            if (imports.find(id).isProjectNameFromFile() && !named.isBlank()) {
                imports.nameProject(id, named.strip());
            }
            return "INSPECTED";
        } catch (ShotSheetFormatException e) {
            imports.reject(id, e.issues());
            return "REJECTED";
        }
    }
}
