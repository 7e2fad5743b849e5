package io.dailies.shotlist;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.ShotRowValidator;
import io.dailies.shotlist.sheet.ValidatedRow;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Load pass: the (already validated) row as the shot data to store. */
@Dependent
@Named("shotRowToContent")
public class ShotRowToContent implements ItemProcessor {

    @Inject
    ModelCatalog catalog;

    @Inject
    StepContext step;

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportService imports;

    private Boolean partial;

    private ShotRowValidator validator;

    @Override
    public Object processItem(Object item) {
        if (validator == null) {
            RowContext context = (RowContext) step.getTransientUserData();
            validator = new ShotRowValidator(catalog, context.layout(), context.defaults());
        }
        ValidatedRow checked = validator.validate((RawShotRow) item);
        if (partial == null) {
            partial = imports.find(Long.parseLong(importId)).isPartial();
        }
        if (!checked.isValid() && partial) {
            return null; // listed with the import's issues; a partial import leaves it out
        }
        if (!checked.isValid()) {
            // The file changed between the two passes; refuse rather than import a different workbook.
            throw new IllegalStateException("Row " + ((RawShotRow) item).row() + " no longer passes validation: "
                    + checked.issues().get(0).message());
        }
        return checked.shot();
    }
}
