package io.dailies.shotlist.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small .xlsx shot lists for tests, each showing one thing a producer may do. Row constants are Excel rows. */
public final class TestWorkbooks {

    /** The eleven canonical headers, in template order. */
    public static final String[] HEADERS = Arrays.stream(ShotColumn.values()).map(ShotColumn::header).toArray(String[]::new);

    /** In {@link #wrongTypedCell()}: the row whose Seconds reads "four". */
    public static final int WRONG_TYPED_ROW = 3;
    /** In {@link #duplicateShot()}: the first "Castle / SC1-01" and its repeat. */
    public static final int DUPLICATE_FIRST_ROW = 2;
    public static final int DUPLICATE_REPEAT_ROW = 4;
    /** In {@link #formulaError()}: the row whose Seconds is a formula showing #REF!. */
    public static final int FORMULA_ERROR_ROW = 2;
    /** In {@link #titleRowsAndAliases()}: the header row, below three title rows. */
    public static final int ALIASES_HEADER_ROW = 4;

    private TestWorkbooks() {
    }

    // --- the workbooks ---

    /** The sample from spreadsheets/ when the tests run in the project, else a freshly generated copy. */
    public static byte[] sample() {
        return sampleFile().map(TestWorkbooks::read).orElseGet(SampleWorkbooks::sample);
    }

    static Optional<Path> sampleFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("spreadsheets").resolve(SampleWorkbooks.SAMPLE_FILE);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A header without "Shot" (rows 2-3 hold shots). */
    public static byte[] missingRequiredColumn() {
        return book().row("Sequence", "Subject & Action", "Camera & Movement", "Seconds")
                .row("Castle", "The queen lifts her chin in the final second.", "Locked tripod camera", 4)
                .row("Castle", "The court gasps in the first second.", "Locked tripod camera", 4)
                .bytes();
    }

    /** Canonical header; row 3 has Seconds = "four" and is otherwise valid. */
    public static byte[] wrongTypedCell() {
        return book().row((Object[]) HEADERS)
                .row(shot("Castle", "SC1-01", 4))
                .row(shot("Castle", "SC1-02", "four"))
                .row(shot("Castle", "SC1-03", 8))
                .bytes();
    }

    /** Row 4 repeats row 2's shot with other case and spacing; row 5 reuses the code in another sequence (allowed). */
    public static byte[] duplicateShot() {
        return book().row((Object[]) HEADERS)
                .row(shot("Castle", "SC1-01", 4))
                .row(shot("Castle", "SC1-02", 4))
                .row(shot(" castle ", "sc1-01 ", 8))
                .row(shot("Kitchen", "SC1-01", 4))
                .bytes();
    }

    /**
     * Row 2: Seconds is a formula whose cached value is #REF!. Row 3: formulas with good cached values
     * (shot code ="SC1-"&"02", seconds =2*4). Row 4: a plain #N/A error cell in Size.
     */
    public static byte[] formulaError() {
        Object[] broken = shot("Castle", "SC1-01", null);
        broken[ShotColumn.SECONDS.ordinal()] = new Formula("#REF!*2", FormulaError.REF);
        Object[] computed = shot("Castle", null, null);
        computed[ShotColumn.SHOT.ordinal()] = new Formula("\"SC1-\"&\"02\"", "SC1-02");
        computed[ShotColumn.SECONDS.ordinal()] = new Formula("2*4", 8.0);
        Object[] lookup = shot("Castle", "SC1-03", 4);
        lookup[ShotColumn.SIZE.ordinal()] = FormulaError.NA;
        return book().row((Object[]) HEADERS).row(broken).row(computed).row(lookup).bytes();
    }

    /**
     * A title, a subtitle and a blank row above the header on row 4, which uses aliases ("Seq", "Shot #",
     * "Subject and Action", "Cam", "Location", "Lighting + Palette", "Style", "Lines", "Resolution",
     * "Duration (s)") and has an unknown "Wardrobe notes" column (D) between the pillars. Shots on rows 5-6.
     */
    public static byte[] titleRowsAndAliases() {
        return book()
                .row("The Queen's Court — shot list")
                .row("Draft 3, for the Friday review")
                .blankRow()
                .row("Seq", "Shot #", "Subject and Action", "Wardrobe notes", "Cam", "Location", "Lighting + Palette",
                        "Style", "Lines", "Model", "Resolution", "Duration (s)")
                .row("Castle", "SC1-01", "The queen lifts her chin in the final second.", "Burgundy gown, pressed",
                        "Medium shot; locked tripod camera", "Throne room at dawn", "Window light from frame left; Palette anchors: burgundy, gold, slate",
                        SampleWorkbooks.STYLE_SPINE, "Queen: 'Bring me the traitor.'", "sora-2", "1280x720", 8)
                .row("Castle", "SC1-02", "The court gasps in the first second.", "",
                        "Wide shot; slow pan; steady gimbal", "Throne room at dawn", "Window light from frame left; Palette anchors: burgundy, gold, slate",
                        SampleWorkbooks.STYLE_SPINE, "", "", "", "")
                .bytes();
    }

    /**
     * Numbers where text is expected and text where numbers are: Sequence 1 and Shot 3 as numbers (row 2),
     * Shot 4 formatted "00" and Seconds "8" typed as text (row 3), Seconds 8 formatted "0.0" and a
     * Size typed with a space (row 4). The extra "Shoot date" column holds a date (row 2), a formula
     * giving a date and time (row 3) and a time of day (row 4).
     */
    public static byte[] numbersAsText() {
        Object[] header = Arrays.copyOf(HEADERS, HEADERS.length + 1);
        header[HEADERS.length] = "Shoot date";
        Object[] r2 = Arrays.copyOf(shot(1.0, 3.0, 4.0), header.length);
        r2[HEADERS.length] = LocalDate.of(2026, 3, 14);
        Object[] r3 = Arrays.copyOf(shot("Castle", new Formatted(4, "00"), "8"), header.length);
        r3[HEADERS.length] = new Formula("DATE(2026,3,14)+0.5", new Formatted(46095.5, "yyyy-mm-dd hh:mm"));
        Object[] r4 = Arrays.copyOf(shot("Castle", "SC1-05", new Formatted(8, "0.0")), header.length);
        r4[ShotColumn.SIZE.ordinal()] = "1280 x 720";
        r4[HEADERS.length] = new Formatted(0.75, "h:mm");
        return book().row(header).row(r2).row(r3).row(r4).bytes();
    }

    // --- more shapes for reader tests ---

    /** No shot list at all: a "Notes" sheet and a "Budget" sheet. */
    public static byte[] noShotList() {
        return book("Notes").row("notes").sheet("Budget").row("a", "b").bytes();
    }

    /** No sheet named Shots: "Sheet1" and "Notes". */
    public static byte[] noShotsSheet() {
        return book("Sheet1").row((Object[]) HEADERS).row(shot("Castle", "SC1-01", 4)).sheet("Notes").row("notes").bytes();
    }

    /** Sheet " shots " (odd case and spaces) after a "Notes" sheet. */
    public static byte[] oddlyNamedSheet() {
        return book("Notes").row("notes").sheet(" shots ").row((Object[]) HEADERS).row(shot("Castle", "SC1-01", 4)).bytes();
    }

    /** Header row at Excel row {@code headerRow}, one title row on row 1, one shot under the header. */
    public static byte[] headerAt(int headerRow) {
        Book b = book().row("Shot list");
        while (b.nextRow < headerRow - 1) {
            b.blankRow();
        }
        return b.row((Object[]) HEADERS).row(shot("Castle", "SC1-01", 4)).bytes();
    }

    /** Shots on rows 2, 4, 7 and 9; row 3 is empty, row 5 has only blank (formatted) cells, row 6 only spaces. */
    public static byte[] blankRows() {
        Book b = book().row((Object[]) HEADERS).row(shot("Castle", "SC1-01", 4)).blankRow();
        b.row(shot("Castle", "SC1-02", 4));
        Row formatted = b.sheet.createRow(b.nextRow++);
        for (int i = 0; i < HEADERS.length; i++) {
            formatted.createCell(i).setCellStyle(b.wrapped);
        }
        b.row("   ", " ", "\u00a0");
        b.row(shot("Castle", "SC1-03", 4)).blankRow().row(shot("Castle", "SC1-04", 8));
        return b.bytes();
    }

    /** Shots on rows 2 to n+1, codes SC1-01... */
    public static byte[] shots(int n) {
        Book b = book().row((Object[]) HEADERS);
        for (int i = 1; i <= n; i++) {
            b.row(shot("Castle", String.format("SC1-%02d", i), 4));
        }
        return b.bytes();
    }

    /** One Castle shot per action, codes SC1-01..., each with its own Subject & Action. */
    public static byte[] shotsWithActions(String... actions) {
        Book b = book().row((Object[]) HEADERS);
        for (int i = 0; i < actions.length; i++) {
            Object[] r = shot("Castle", String.format("SC1-%02d", i + 1), 4);
            r[ShotColumn.SUBJECT_ACTION.ordinal()] = actions[i];
            b.row(r);
        }
        return b.bytes();
    }

    /** "Lighting" and "Palette" in separate columns, "Scene" and "Sequence" both present, two "Notes" columns. */
    public static byte[] splitColumns() {
        return book()
                .row("Scene", "Sequence", "Shot", "Subject & Action", "Lighting", "Palette", "Notes", "Notes")
                .row("1", "Castle", "SC1-01", "The queen lifts her chin in the final second.",
                        "Window light from frame left", "Palette anchors: burgundy, gold, slate", "first", "second")
                .bytes();
    }

    /** A row whose Subject & Action is {@code length} characters long (row 2). */
    public static byte[] longCell(int length) {
        Object[] r = shot("Castle", "SC1-01", 4);
        r[ShotColumn.SUBJECT_ACTION.ordinal()] = "a".repeat(length);
        return book().row((Object[]) HEADERS).row(r).bytes();
    }

    /**
     * A producer's shot list with columns of their own named like Dailies' write-back columns: canonical
     * headers, then "Status" and "Notes" (S and T); shots SC1-01..03 on rows 2-4 with their own notes.
     */
    public static byte[] ownStatusAndNotes() {
        Object[] header = Arrays.copyOf(HEADERS, HEADERS.length + 2);
        header[HEADERS.length] = "Status";
        header[HEADERS.length + 1] = "Notes";
        Book b = book().row(header);
        for (int i = 1; i <= 3; i++) {
            Object[] row = Arrays.copyOf(shot("Castle", "SC1-0" + i, 4), header.length);
            row[HEADERS.length] = "locked";
            row[HEADERS.length + 1] = "our note " + i;
            b.row(row);
        }
        return b.bytes();
    }

    /** One valid shot with a blank Model, Size and Seconds (row 2), and a Settings sheet of {@code settings} rows (Field | Value). */
    public static byte[] withSettings(Object[]... settings) {
        Object[] blank = shot("Castle", "SC1-01", null);
        blank[ShotColumn.MODEL.ordinal()] = null;
        blank[ShotColumn.SIZE.ordinal()] = null;
        Book b = book().row((Object[]) HEADERS).row(blank).sheet("Settings");
        for (Object[] row : settings) {
            b.row(row);
        }
        return b.bytes();
    }

    /** A legacy .xls (OLE2) workbook with the right content. */
    public static byte[] legacyXls() {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row r = wb.createSheet("Shots").createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                r.createCell(i).setCellValue(HEADERS[i]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid shot list saved with a password (an OLE2 container around the encrypted .xlsx). */
    public static byte[] passwordProtected() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(wrongTypedCell());
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip archive that is not a workbook. */
    public static byte[] plainZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A shot list exported as CSV. */
    public static byte[] csv() {
        return (String.join(",", HEADERS) + "\nCastle,SC1-01,The queen lifts her chin,,,,,,sora-2,1280x720,4\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes bytes to a file named {@code name} in {@code dir}. */
    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- building blocks ---

    /** A complete, valid row in canonical column order; seconds may be a number, text, or null for blank. */
    public static Object[] shot(Object sequence, Object shot, Object seconds) {
        return new Object[]{sequence, shot,
                "The queen takes four steps to the window, pauses, and pulls the curtain in the final second.",
                "Medium shot, eye level; slow dolly-in; steady gimbal, stable horizon, no jitter",
                "Throne room at dawn",
                "Soft window light from frame left, warm candle fill; Palette anchors: burgundy, antique gold, slate gray",
                SampleWorkbooks.STYLE_SPINE,
                "",
                "sora-2", "1280x720", seconds};
    }

    /** A formula with the value Excel cached for it: a String, a Double, a Formatted number or a FormulaError. */
    public record Formula(String formula, Object cached) {
    }

    /** A number shown through a number format, e.g. 4 as "00". */
    public record Formatted(double value, String format) {
    }

    static Book book() {
        return book(ShotSheetReader.SHEET_NAME);
    }

    static Book book(String sheetName) {
        return new Book(sheetName);
    }

    static final class Book {
        final XSSFWorkbook wb = new XSSFWorkbook();
        final CellStyle wrapped = wb.createCellStyle();
        final CellStyle date = wb.createCellStyle();
        Sheet sheet;
        int nextRow;

        Book(String sheetName) {
            wrapped.setWrapText(true);
            date.setDataFormat(wb.createDataFormat().getFormat("d/m/yy"));
            sheet(sheetName);
        }

        Book sheet(String name) {
            sheet = wb.createSheet(name);
            nextRow = 0;
            return this;
        }

        Book blankRow() {
            nextRow++;
            return this;
        }

        Book row(Object... values) {
            Row row = sheet.createRow(nextRow++);
            for (int i = 0; i < values.length; i++) {
                set(row, i, values[i]);
            }
            return this;
        }

        private void set(Row row, int column, Object v) {
            if (v == null) {
                return;
            }
            Cell c = row.createCell(column);
            if (v instanceof String s) {
                c.setCellValue(s);
            } else if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                c.setCellValue(b);
            } else if (v instanceof LocalDate d) {
                c.setCellValue(d);
                c.setCellStyle(date);
            } else if (v instanceof FormulaError e) {
                c.setCellErrorValue(e.getCode());
            } else if (v instanceof Formatted f) {
                CellStyle style = wb.createCellStyle();
                style.setDataFormat(wb.createDataFormat().getFormat(f.format()));
                c.setCellValue(f.value());
                c.setCellStyle(style);
            } else if (v instanceof Formula f) {
                c.setCellFormula(f.formula());
                if (f.cached() instanceof String s) {
                    c.setCellValue(s);
                } else if (f.cached() instanceof Double d) {
                    c.setCellValue(d);
                } else if (f.cached() instanceof FormulaError e) {
                    c.setCellErrorValue(e.getCode());
                } else if (f.cached() instanceof Formatted n) {
                    CellStyle style = wb.createCellStyle();
                    style.setDataFormat(wb.createDataFormat().getFormat(n.format()));
                    c.setCellValue(n.value());
                    c.setCellStyle(style);
                }
            } else {
                throw new IllegalArgumentException("cannot write " + v.getClass());
            }
        }

        byte[] bytes() {
            try (XSSFWorkbook w = wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                w.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
