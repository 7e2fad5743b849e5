package io.dailies.shotlist;

import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.DuplicateShotDetector;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.ShotRowValidator;
import io.dailies.shotlist.sheet.ValidatedRow;
import io.dailies.provider.catalog.ModelCatalog;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import io.dailies.shotlist.sheet.SheetLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** Checks every cell of a row, and the row against the ones before it (duplicate shot codes). */
@Dependent
@Named("validateShotRow")
public class ValidateShotRow implements ItemProcessor {

    @Inject
    ModelCatalog catalog;

    @Inject
    StepContext step;

    private ShotRowValidator validator;
    private DuplicateShotDetector duplicates;

    @Override
    public Object processItem(Object item) {
        if (validator == null) {
            validator = new ShotRowValidator(catalog, (SheetLayout) step.getTransientUserData());
            duplicates = new DuplicateShotDetector((SheetLayout) step.getTransientUserData());
        }
        RawShotRow raw = (RawShotRow) item;
        ValidatedRow checked = validator.validate(raw);
        List<CellIssue> issues = new ArrayList<>(checked.issues());
        if (checked.isValid()) {
            duplicates.check(checked.shot()).ifPresent(issues::add);
        }
        return new RowCheck(raw.row(), issues);
    }
}
