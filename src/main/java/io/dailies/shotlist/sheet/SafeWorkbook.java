package io.dailies.shotlist.sheet;

import io.dailies.platform.workbook.WorkbookGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The one way Dailies opens an .xlsx somebody uploaded (the shot list import and its side sheets, the annotated
 * copy of a rejected shot list, the write-back into the producer's workbook): the file's first bytes are checked
 * ({@link WorkbookFileCheck}: not a legacy .xls, a PDF, a password-protected workbook...), then every part of it
 * ({@link WorkbookPartsCheck}, the platform's {@code WorkbookGuard}: zip bombs, entries lying about their size,
 * XML DOCTYPEs in any encoding), and only then is it handed to POI. Each refusal is a
 * {@link ShotSheetFormatException} whose workbook issue says why and what to do.
 */
public final class SafeWorkbook {

    /**
     * Workbooks whose parts inflate to more than this are not loaded whole into POI's user model, which takes
     * about fifteen times the inflated XML in heap (a 100,000-row shot list: ~80 MB of XML, over 1 GB of heap):
     * their editors stream them instead (see {@link StreamedWorkbook}).
     */
    public static final long IN_MEMORY_BYTES = 4L * 1024 * 1024;

    static {
        // POI refuses packages of more than 1,000 parts on its own, and a written-back workbook with a thumbnail for
        // each of a thousand shots has more. The guard has counted the parts before POI opens anything (at most
        // WorkbookGuard.Limits.DEFAULT.maxParts()), so POI's count is raised to the guard's.
        long parts = WorkbookGuard.Limits.DEFAULT.maxParts() + 1L;
        if (ZipSecureFile.getMaxFileCount() < parts) {
            ZipSecureFile.setMaxFileCount(parts);
        }
    }

    private SafeWorkbook() {
    }

    /**
     * Checks the file and every part of it; answers what the check saw (the inflated size decides between
     * loading whole and streaming).
     *
     * @throws ShotSheetFormatException        with the reason, when the file is not a workbook Dailies opens
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    public static WorkbookGuard.Inspection check(Path xlsx) throws IOException, ShotSheetFormatException {
        WorkbookFileCheck.requireXlsx(xlsx);
        return WorkbookPartsCheck.require(xlsx);
    }

    /**
     * Checked, then opened to be read sheet by sheet ({@link XlsxSheets}); a small workbook whose formulas were saved
     * without results (written by a script) is read from a copy with them computed ({@link FormulaResults}).
     */
    static XlsxSheets forReading(Path xlsx) throws IOException, ShotSheetFormatException {
        WorkbookGuard.Inspection seen = check(xlsx);
        FormulaResults.Readable readable;
        try {
            readable = FormulaResults.of(xlsx, seen.inflatedBytes());
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
        return XlsxSheets.open(readable.path(), readable.formulas());
    }

    /**
     * Checked, then loaded whole into POI's user model, from a copy in memory (so saving it never touches the
     * file); for a workbook {@link #check} found under {@link #IN_MEMORY_BYTES}.
     */
    public static XSSFWorkbook inMemory(Path xlsx) throws IOException, ShotSheetFormatException {
        check(xlsx);
        return inMemoryUnchecked(xlsx);
    }

    /** POI's user model of a file {@link #check} passed. */
    static XSSFWorkbook inMemoryUnchecked(Path xlsx) throws IOException, ShotSheetFormatException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    static ShotSheetFormatException unreadable(Exception e) {
        return new ShotSheetFormatException(List.of(CellIssue.workbook(null,
                "The file could not be read as an .xlsx workbook (" + reason(e) + "): " + WorkbookFileCheck.SAVE_AS_XLSX)), e);
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            m = e.getCause().getMessage();
        }
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
