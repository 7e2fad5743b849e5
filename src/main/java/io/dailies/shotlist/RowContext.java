package io.dailies.shotlist;

import io.dailies.shotlist.sheet.ProjectSheets;
import io.dailies.shotlist.sheet.SheetLayout;
import io.dailies.shotlist.sheet.ShotDefaults;

/**
 * What the row steps need to know about the workbook beyond one row: where its columns are (to name
 * a cell by its letter) and its project sheets (what a blank Model, Size or Seconds becomes, and the
 * look prompts are compiled against). Read once by the step's reader and handed to its processor and
 * writer as the step's transient data.
 */
record RowContext(SheetLayout layout, ProjectSheets sheets) {

    ShotDefaults defaults() {
        return sheets.shotDefaults();
    }
}
