package io.dailies.report.workbook;

import io.dailies.shotlist.sheet.ShotSheetFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's handle on the write-back: the product's own entry point, or its in-place path forced whatever
 * the workbook's size (how every write-back went before the streamed path: the whole workbook in POI's user model).
 */
public final class WriteBackBench {

    private WriteBackBench() {
    }

    public static void writeBack(Path producersXlsx, Path out, List<ShotResult> results, Summary summary, boolean inPlace)
            throws IOException, ShotSheetFormatException {
        if (inPlace) {
            WorkbookWriteBack.writeBack(producersXlsx, out, results, summary, Long.MAX_VALUE);
        } else {
            WorkbookWriteBack.writeBack(producersXlsx, out, results, summary);
        }
    }
}
