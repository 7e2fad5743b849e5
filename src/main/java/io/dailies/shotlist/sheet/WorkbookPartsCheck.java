package io.dailies.shotlist.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks inside an .xlsx before anything parses it: a part that inflates far beyond its compressed size
 * (a zip bomb) or an XML part that declares a DOCTYPE or entities (Excel never writes one; it is how XML
 * external entity attacks start) is refused with a clear reason instead of being parsed.
 */
final class WorkbookPartsCheck {

    /** Parts smaller than this inflate harmlessly whatever their ratio. */
    static final long SMALL_PART_BYTES = 10L * 1024 * 1024;
    /** Ordinary sheets compress 5-20:1; a ratio above this is not a spreadsheet. */
    static final long MAX_RATIO = 100;
    /** How much of each XML part is read for a DOCTYPE: it must come before the root element. */
    private static final int PROLOG_BYTES = 4096;

    private WorkbookPartsCheck() {
    }

    static void require(Path xlsx) throws IOException, ShotSheetFormatException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry part = entries.nextElement();
                long size = part.getSize();
                long packed = part.getCompressedSize();
                if (size > SMALL_PART_BYTES && packed > 0 && size / packed > MAX_RATIO) {
                    throw refuse(String.format(Locale.ROOT, "The workbook part '%s' expands from %,d bytes to %,d bytes (%,d:1), "
                            + "far beyond any real spreadsheet: it looks like a zip bomb and is not opened. "
                            + "Save the shot list again from Excel (.xlsx) and upload that file", part.getName(), packed, size, size / packed));
                }
                String name = part.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    try (InputStream in = zip.getInputStream(part)) {
                        String prolog = new String(in.readNBytes(PROLOG_BYTES), StandardCharsets.UTF_8);
                        if (prolog.contains("<!DOCTYPE") || prolog.contains("<!ENTITY")) {
                            throw refuse("The workbook part '" + part.getName() + "' declares an XML DOCTYPE or entity, which Excel "
                                    + "never writes and which can make a parser read other files (an XML external entity): it is not "
                                    + "opened. Open the shot list in Excel, save it as .xlsx and upload that file");
                        }
                    }
                }
            }
        }
    }

    private static ShotSheetFormatException refuse(String message) {
        return new ShotSheetFormatException(CellIssue.workbook(null, message));
    }
}
