package io.dailies.shotlist;

import io.dailies.shotlist.sheet.SheetLayout;
import io.dailies.shotlist.sheet.ShotDefaults;

/**
 * What the row steps need to know about the workbook beyond one row: where its columns are (to name
 * a cell by its letter) and what a blank Model, Size or Seconds becomes (its Settings sheet).
 * Handed from the reader to the processor and writer as the step's transient data.
 */
record RowContext(SheetLayout layout, ShotDefaults defaults) {
}
