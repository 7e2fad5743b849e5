package io.dailies.shotlist.sheet;

import io.dailies.platform.workbook.WorkbookGuard;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Looks inside an .xlsx before anything parses it, through the platform's {@link WorkbookGuard}: every part is
 * inflated once with its bytes counted as they come out, so a zip bomb, an entry that lies about its size, an
 * archive that inflates beyond a gigabyte or an XML part that declares a DOCTYPE (in any encoding, anywhere in its
 * prolog) is refused with a clear reason instead of being parsed. The reason becomes the import's workbook issue.
 */
final class WorkbookPartsCheck {

    private WorkbookPartsCheck() {
    }

    static WorkbookGuard.Inspection require(Path xlsx) throws IOException, ShotSheetFormatException {
        return require(xlsx, WorkbookGuard.Limits.DEFAULT);
    }

    static WorkbookGuard.Inspection require(Path xlsx, WorkbookGuard.Limits limits) throws IOException, ShotSheetFormatException {
        try {
            return WorkbookGuard.check(xlsx, limits);
        } catch (WorkbookGuard.Refused e) {
            throw new ShotSheetFormatException(CellIssue.workbook(null, e.getMessage()));
        }
    }
}
