package io.dailies.shotlist.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Formulas saved without their results. Excel, LibreOffice and Google Sheets store each formula's result beside it,
 * and Dailies reads those; workbooks written by scripts (openpyxl, pandas, many exporters) store the formula alone.
 * A workbook small enough to load whole ({@link #MAX_BYTES} of sheets) has such formulas computed with POI's
 * formula evaluator (arithmetic, text joins, references to other cells and sheets, most functions) into a copy
 * beside it, and that copy is what is read; a formula it cannot compute, or any in a bigger workbook, becomes an
 * issue on its cell saying why and how to fix it ({@link Outcome#explain}).
 */
public final class FormulaResults {

    /** Largest workbook (inflated parts) whose formulas are computed: loading it whole takes ~15 times that in heap. */
    public static final long MAX_BYTES = SafeWorkbook.IN_MEMORY_BYTES;
    /** Longest time spent computing one workbook's formulas: whole-column ranges in thousands of cells add up. */
    static final Duration TIME_BUDGET = Duration.ofSeconds(10);

    private static final String FIX = "open the workbook in Excel, LibreOffice or Google Sheets and save it (that stores "
            + "every formula's result), or type the value instead of the formula";
    private static final Pattern FUNCTION = Pattern.compile("([A-Z][A-Z0-9._]*)\\(");
    /** Answers already known, by file: a workbook is opened several times in one import. */
    private static final Map<Key, Readable> KNOWN = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Readable> eldest) {
            return size() > 64;
        }
    });

    private record Key(Path path, long size, FileTime modified) {
    }

    /** The file to read (the upload itself, or its copy with the results computed) and what became of its formulas. */
    public record Readable(Path path, Outcome formulas) {
    }

    /**
     * What became of a workbook's formulas without results.
     *
     * @param computed  whether Dailies tried to compute them (false: the workbook is too big, see {@link #MAX_BYTES})
     * @param bytes     the workbook's inflated size
     * @param failures  why a cell could not be computed, by its place ({@code Shots!K5})
     */
    public record Outcome(boolean computed, long bytes, Map<String, String> failures) {

        static final Outcome NOT_NEEDED = new Outcome(true, 0, Map.of());

        /** Why a cell with {@code formula} (null when unknown) and no saved result gives no value, and what to do. */
        String explain(String place, String formula) {
            String f = formula == null || formula.isBlank() ? "The formula in this cell" : "The formula =" + formula;
            if (!computed) {
                return f + " has no saved result (workbooks written by scripts such as openpyxl or pandas keep formulas "
                        + "without results), and this workbook is too big for Dailies to compute them ("
                        + megabytes(bytes) + " of sheets; Dailies computes formulas in workbooks up to " + megabytes(MAX_BYTES)
                        + "): " + FIX;
            }
            String why = failures.get(place);
            return f + " has no saved result and Dailies could not compute it (" + (why == null ? reason(formula, null) : why)
                    + "): " + FIX;
        }
    }

    private FormulaResults() {
    }

    /**
     * The workbook to read: {@code xlsx} itself when every formula has its result (or it has none), else a copy with
     * the results computed where they can be. {@code inflatedBytes} is what the upload guard measured.
     */
    static Readable of(Path xlsx, long inflatedBytes) throws IOException, ShotSheetFormatException {
        if (inflatedBytes > MAX_BYTES) {
            return new Readable(xlsx, new Outcome(false, inflatedBytes, Map.of()));
        }
        Key key = new Key(xlsx.toAbsolutePath(), Files.size(xlsx), Files.getLastModifiedTime(xlsx));
        Readable known = KNOWN.get(key);
        if (known != null && Files.exists(known.path())) {
            return known;
        }
        Readable found = compute(xlsx, inflatedBytes, TIME_BUDGET);
        KNOWN.put(key, found);
        return found;
    }

    /** Computes what can be computed within {@code budget}; the cells left when it runs out say so. */
    static Readable compute(Path xlsx, long inflatedBytes, Duration budget) throws IOException, ShotSheetFormatException {
        long deadline = System.nanoTime() + budget.toNanos();
        try (XSSFWorkbook wb = SafeWorkbook.inMemoryUnchecked(xlsx)) {
            XSSFFormulaEvaluator evaluator = null;
            Map<String, String> failures = new LinkedHashMap<>();
            int computed = 0;
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.FORMULA || hasSavedResult((XSSFCell) cell)) {
                            continue;
                        }
                        if (evaluator == null) {
                            evaluator = wb.getCreationHelper().createFormulaEvaluator();
                        }
                        String place = CellIssue.place(sheet.getSheetName(), cell.getRowIndex() + 1,
                                HeaderRow.letter(cell.getColumnIndex()), null);
                        if (System.nanoTime() > deadline) {
                            failures.put(place, "Dailies stopped computing this workbook's formulas after "
                                    + budget.toSeconds() + " s");
                            continue;
                        }
                        try {
                            evaluator.evaluateFormulaCell(cell);
                            computed++;
                        } catch (RuntimeException | StackOverflowError e) {
                            failures.put(place, reason(cell.getCellFormula(), e));
                        }
                    }
                }
            }
            if (computed == 0) {
                return new Readable(xlsx, new Outcome(true, inflatedBytes, failures));
            }
            // Beside the upload, so every step of the import (and a later write-back) reads the same results.
            Path copy = xlsx.resolveSibling(xlsx.getFileName() + ".results.xlsx");
            Path tmp = Files.createTempFile(xlsx.toAbsolutePath().getParent(), ".results-", ".xlsx");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    wb.write(out);
                }
                Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return new Readable(copy, new Outcome(true, inflatedBytes, failures));
        }
    }

    /**
     * Whether a formula cell carries the result its program computed. Excel, LibreOffice and Google Sheets save
     * one; scripts (openpyxl, pandas, many exporters) write the formula alone, as {@code <f>..</f><v/>}. The same
     * rule as {@link CellText}'s for a cell read from the sheet's XML.
     */
    static boolean hasSavedResult(XSSFCell cell) {
        CTCell ct = cell.getCTCell();
        return ct.isSetV() && (!ct.getV().isEmpty() || ct.getT() == STCellType.STR);
    }

    /** Why a formula cannot be computed, from what the evaluator said and the functions it calls. */
    static String reason(String formula, Throwable e) {
        Set<String> unsupported = unsupportedFunctions(formula);
        if (!unsupported.isEmpty()) {
            return "it calls " + String.join(", ", unsupported) + ", which Dailies cannot compute";
        }
        if (formula != null && formula.contains("[")) {
            return "it refers to another workbook";
        }
        if (e instanceof StackOverflowError) {
            return "its references go too deep, or round in a circle";
        }
        String m = e == null ? null : SafeWorkbook.reason(e);
        return m == null || m.isBlank() ? "the formula evaluator refused it" : m;
    }

    /** The functions a formula calls that POI's evaluator does not implement, in upper case. */
    static Set<String> unsupportedFunctions(String formula) {
        Set<String> out = new TreeSet<>();
        if (formula == null) {
            return out;
        }
        Collection<String> notSupported = WorkbookEvaluator.getNotSupportedFunctionNames();
        Collection<String> supported = WorkbookEvaluator.getSupportedFunctionNames();
        Matcher m = FUNCTION.matcher(formula.toUpperCase(Locale.ROOT));
        while (m.find()) {
            String name = m.group(1).replaceFirst("^_XLFN\\.", "");
            if (notSupported.contains(name) || !supported.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
