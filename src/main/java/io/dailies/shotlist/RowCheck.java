package io.dailies.shotlist;

import io.dailies.shotlist.sheet.CellIssue;
import java.util.List;

/** The validation pass's verdict on one row: no issues means the row can be imported. */
record RowCheck(int row, List<CellIssue> issues) {
}
