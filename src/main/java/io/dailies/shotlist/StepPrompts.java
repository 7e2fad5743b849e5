package io.dailies.shotlist;

import io.dailies.prompt.PromptBook;
import io.dailies.prompt.PromptLinter;
import io.dailies.provider.catalog.ModelCatalog;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * A step's prompt workers ({@link PromptsAhead}) and the look they compile against: the workbook's own Characters
 * and Style Spine sheets, as the step's reader read them ({@link RowContext}), the look {@link UpsertShots} compiles
 * against. Made on first use, one per batch artifact that injects it.
 */
@Dependent
public class StepPrompts {

    @Inject
    ModelCatalog catalog;

    @Inject
    StepContext step;

    /** Where the prompts are compiled while the step reads on. */
    @Resource
    ManagedExecutorService executor;

    private PromptsAhead ahead;
    private PromptBook.Look look;

    PromptsAhead ahead() {
        start();
        return ahead;
    }

    PromptBook.Look look() {
        start();
        return look;
    }

    private void start() {
        if (ahead == null) {
            RowContext context = (RowContext) step.getTransientUserData();
            look = new PromptBook.Look(context.sheets().spine(), context.sheets().bible());
            ahead = new PromptsAhead(executor, Runtime.getRuntime().availableProcessors(), new PromptLinter(catalog));
        }
    }
}
