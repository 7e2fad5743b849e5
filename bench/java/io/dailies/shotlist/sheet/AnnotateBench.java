package io.dailies.shotlist.sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's handle on the annotated workbook: the product's own entry point, or the whole workbook loaded into
 * POI's user model whatever its size (how every annotated workbook was made before the streamed path).
 */
public final class AnnotateBench {

    private AnnotateBench() {
    }

    public static byte[] annotate(Path uploadedXlsx, List<CellIssue> issues, boolean inMemory) throws IOException, ShotSheetFormatException {
        return inMemory ? AnnotatedWorkbook.annotate(uploadedXlsx, issues, Long.MAX_VALUE) : AnnotatedWorkbook.annotate(uploadedXlsx, issues);
    }
}
