package io.dailies.shotlist;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.prompt.PromptBook;
import io.dailies.prompt.PromptLinter;
import io.dailies.shotlist.sheet.ShotRowData;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Load pass: a row the validation pass checked, its prompt compiled on another thread ({@link PromptsAhead}) while
 * the step reads on.
 */
@Dependent
@Named("shotRowToContent")
public class ShotRowToContent implements ItemProcessor {

    @Inject
    ModelCatalog catalog;

    @Inject
    StepContext step;


    /** Where the prompts are compiled ahead of the writer. */
    @Resource
    ManagedExecutorService executor;

    private PromptsAhead ahead;
    private PromptBook.Look look;

    @Override
    public Object processItem(Object item) {
        if (ahead == null) {
            RowContext context = (RowContext) step.getTransientUserData();
            // The look UpsertShots compiles against: the workbook's own Characters and Style Spine sheets.
            look = new PromptBook.Look(context.sheets().spine(), context.sheets().bible());
            ahead = new PromptsAhead(executor, Runtime.getRuntime().availableProcessors(), new PromptLinter(catalog));
        }
        // Checked by the validation pass, which kept only the rows without an issue (a partial import's others
        // are listed with the import's issues).
        ShotRowData row = (ShotRowData) item;
        return new PromptsAhead.Row(row, ahead.submit(UpsertShots.content(row), row.sequence(), row.shotCode(), look));
    }
}
