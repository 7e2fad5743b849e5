package io.dailies.shotlist;

import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.ShotRowData;
import java.util.List;

/**
 * The validation pass's verdict on one row: no issues means the row can be imported, and {@code shot} is what the
 * load pass stores (null when there are issues).
 */
record RowCheck(int row, List<CellIssue> issues, ShotRowData shot) {
}
