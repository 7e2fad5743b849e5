package io.dailies.it;

import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.TestWorkbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks for integration tests, written with POI as Excel would. */
public final class Workbooks {

    private Workbooks() {
    }

    /** One sheet of rows: numbers as numbers, everything else as text, null as an empty cell. */
    public static byte[] xlsx(String sheet, Object[]... rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet(sheet);
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Shots sheet of {@code n} lint-clean 4-second shots whose prompts are unique to {@code tag}, so a
     * test can count the provider's generations of exactly its own takes.
     */
    public static byte[] shots(String tag, int n) {
        Object[][] rows = new Object[n + 1][];
        rows[0] = TestWorkbooks.HEADERS;
        for (int i = 0; i < n; i++) {
            Object[] shot = TestWorkbooks.shot("Tests", String.format("T-%02d", i + 1), 4);
            shot[ShotColumn.SUBJECT_ACTION.ordinal()] = "In take " + tag + "-" + (i + 1)
                    + " the queen takes four steps to the window, pauses, and pulls the curtain in the final second.";
            rows[i + 1] = shot;
        }
        return xlsx("Shots", rows);
    }

    public static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
