package io.dailies.shotlist;

import io.dailies.core.ShotContent;
import io.dailies.shotlist.sheet.ShotRowData;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Load pass: a row the validation pass checked, with the prompt the validation pass compiled for it, or else its
 * prompt compiled on another thread ({@link PromptsAhead}) while the step reads on.
 */
@Dependent
@Named("shotRowToContent")
public class ShotRowToContent implements ItemProcessor {

    @Inject
    StepPrompts prompts;

    @Override
    public Object processItem(Object item) {
        // Checked by the validation pass, which kept only the rows without an issue (a partial import's others
        // are listed with the import's issues).
        CheckedRows.Checked checked = (CheckedRows.Checked) item;
        ShotRowData row = checked.row();
        ShotContent content = UpsertShots.content(row);
        PromptsAhead ahead = prompts.ahead();
        return new PromptsAhead.Row(row, checked.report() != null
                ? ahead.done(content, row.sequence(), row.shotCode(), prompts.look(), checked.report())
                : ahead.submit(content, row.sequence(), row.shotCode(), prompts.look()));
    }
}
