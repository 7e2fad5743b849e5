package io.dailies.shotlist.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Looks at a file's first bytes before handing it to the .xlsx reader, so a producer who uploads an
 * old .xls, a password-protected workbook, a CSV or a PDF is told what to do instead of getting a
 * parser stack trace.
 */
final class WorkbookFileCheck {

    static final String SAVE_AS_XLSX = "open it in Excel and save it as an Excel Workbook (.xlsx) (File > Save As > Excel Workbook)";

    private WorkbookFileCheck() {
    }

    /**
     * Throws unless the file starts like an .xlsx (a zip archive); the reader checks the rest.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    static void requireXlsx(Path file) throws IOException, ShotSheetFormatException {
        if (!Files.isRegularFile(file)) {
            // a stored upload that vanished is the system's problem, not the producer's
            throw new NoSuchFileException(file.toString());
        }
        if (Files.size(file) == 0) {
            throw problem("The file is empty (0 bytes): upload the shot list saved from Excel as .xlsx");
        }
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        switch (magic) {
            case OOXML:
                return;
            case OLE2:
                if (isEncryptedOoxml(file)) {
                    throw problem("The workbook is password-protected: in Excel remove the password "
                            + "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and upload it again");
                }
                throw problem("The file is a legacy .xls: save as .xlsx in Excel (File > Save As > Excel Workbook) and upload it again");
            case BIFF2: case BIFF3: case BIFF4:
                throw problem("The file is a very old Excel (.xls, Excel 2-4) file: save as .xlsx in Excel (File > Save As > Excel Workbook)");
            case XML:
                throw problem("The file is an XML spreadsheet (Excel 2003 XML), not an .xlsx workbook: " + SAVE_AS_XLSX);
            case HTML:
                throw problem("The file is a web page (HTML), not an .xlsx workbook: " + SAVE_AS_XLSX);
            case PDF:
                throw problem("The file is a PDF, not an .xlsx workbook: upload the Excel shot list itself (.xlsx)");
            default:
                throw problem("The file is not an .xlsx workbook" + (looksLikeText(file) ? " (it looks like CSV or plain text)" : "")
                        + ": " + SAVE_AS_XLSX);
        }
    }

    /**
     * Whether the file is CSV text: not a known binary or markup format, only text characters in its
     * first 64 KB (UTF-8 with or without BOM, or a single-byte encoding), and a ',' or ';' in it.
     * Binary junk (NUL and other control bytes) is not CSV.
     */
    static boolean isCsvText(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        FileMagic magic;
        try (InputStream in = new java.io.ByteArrayInputStream(head)) {
            magic = FileMagic.valueOf(in);
        }
        if (magic != FileMagic.UNKNOWN) {
            return false;
        }
        boolean separator = false;
        for (byte b : head) {
            int u = b & 0xFF;
            if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' || u == 0x7F) {
                return false;
            }
            separator |= u == ',' || u == ';';
        }
        return separator;
    }

    /** Password-protected .xlsx files are an OLE2 container with an "EncryptedPackage" inside. */
    private static boolean isEncryptedOoxml(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean looksLikeText(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        for (byte b : head) {
            if (b == 0 || (b > 0 && b < 0x09)) {
                return false;
            }
        }
        return true;
    }

    static ShotSheetFormatException problem(String message) {
        return new ShotSheetFormatException(CellIssue.workbook(null, message));
    }
}
