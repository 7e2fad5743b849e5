package io.dailies.shotlist;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.DuplicateShotDetector;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.ShotRowValidator;
import io.dailies.shotlist.sheet.ValidatedRow;
import io.dailies.shotlist.sheet.WorkbookReviewColumns;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
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
        RowContext context = (RowContext) step.getTransientUserData();
        if (validator == null) {
            validator = new ShotRowValidator(catalog, context.layout(), context.defaults());
            duplicates = new DuplicateShotDetector(context.layout());
        }
        RawShotRow raw = (RawShotRow) item;
        ValidatedRow checked = validator.validate(raw);
        List<CellIssue> issues = new ArrayList<>(checked.issues());
        if (checked.isValid()) {
            duplicates.check(checked.shot()).ifPresent(issues::add);
            // A written-back workbook's Verdict typed by the producer must be a verdict Dailies knows.
            issues.addAll(WorkbookReviewColumns.read(checked.shot(), context.layout()).errors());
        }
        return new RowCheck(raw.row(), issues, checked.isValid() && issues.isEmpty() ? checked.shot() : null);
    }
}
