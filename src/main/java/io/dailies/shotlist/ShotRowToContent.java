package io.dailies.shotlist;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.shotlist.sheet.RawShotRow;
import io.dailies.shotlist.sheet.ShotRowValidator;
import io.dailies.shotlist.sheet.ValidatedRow;
import io.dailies.prompt.PromptBook;
import io.dailies.prompt.PromptLinter;
import io.dailies.shotlist.sheet.ShotRowData;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Load pass: the (already validated) row as the shot data to store, its prompt already being compiled on another
 * thread ({@link PromptsAhead}) while the step reads on.
 */
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

    /** Where the prompts are compiled ahead of the writer. */
    @Resource
    ManagedExecutorService executor;

    private PromptsAhead ahead;
    private PromptBook.Look look;

    @Override
    public Object processItem(Object item) {
        if (validator == null) {
            RowContext context = (RowContext) step.getTransientUserData();
            validator = new ShotRowValidator(catalog, context.layout(), context.defaults());
            // The look UpsertShots compiles against: the workbook's own Characters and Style Spine sheets.
            look = new PromptBook.Look(context.sheets().spine(), context.sheets().bible());
            ahead = new PromptsAhead(executor, Runtime.getRuntime().availableProcessors(), new PromptLinter(catalog));
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
        ShotRowData row = checked.shot();
        return new PromptsAhead.Row(row, ahead.submit(UpsertShots.content(row), row.sequence(), row.shotCode(), look));
    }
}
