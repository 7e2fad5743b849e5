package io.dailies.shotlist.sheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A cell as the text a producer sees in it. Formulas give their saved result (nothing is
 * recalculated here: see {@link FormulaResults} for workbooks saved without results), whole numbers lose the ".0" (4.0 reads "4"), custom number formats are honoured
 * (3 formatted "00" reads "03"), dates read as ISO (2026-03-14) and errors as Excel shows them
 * ("#REF!"), so the validator can treat every cell as text.
 */
final class CellText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    // The streaming reader needs no evaluator: we only format raw values with their number format.
    private final DataFormatter formatter = new DataFormatter(Locale.US);

    /**
     * What one cell gives: its text, or why it gives none although it is not blank.
     *
     * @param text    the cell as the producer sees it, "" when blank or unreadable
     * @param problem null when the cell read; else why not and what to do, e.g. a formula without a saved result
     */
    record Value(String text, String problem) {
        static final Value BLANK = new Value("", null);
    }

    /** How formulas without a saved result are explained: whether Dailies tried to compute them. */
    private final FormulaResults.Outcome formulas;

    CellText(FormulaResults.Outcome formulas) {
        this.formulas = formulas;
    }

    private String number(double value, int formatIndex, String format, Supplier<LocalDateTime> asDate) {
        if (format != null && DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(value)) {
            return date(asDate.get(), value);
        }
        if (format == null || format.equalsIgnoreCase("General") || format.equals("@")) {
            return plain(value);
        }
        return formatter.formatRawCellContents(value, formatIndex, format);
    }

    /**
     * A cell as the sheet's XML holds it ({@link XlsxSheets}), as the producer sees it.
     *
     * @param type       the cell's t attribute: s, inlineStr, str, b, e, d or n (null)
     * @param raw        the text of its v element; null when it has none
     * @param inline     the text of its inline string (is), null when none
     * @param sharedText the shared string its v points at, for type s
     * @param formatId   its style's number format id; {@code format} that format's code
     * @param date1904   whether the workbook counts dates from 1904
     * @param hasFormula whether it has an f element; {@code formula} its text
     * @param place      where it is ("Shots!K5"), asked only for a problem
     */
    Value value(String type, String raw, String inline, String sharedText, int formatId, String format, boolean date1904,
                boolean hasFormula, String formula, Supplier<String> place) {
        try {
            if (hasFormula && (raw == null || (raw.isEmpty() && !"str".equals(type)))) {
                return new Value("", formulas.explain(place.get(), formula));
            }
            String text = switch (type == null ? "n" : type) {
                case "s" -> sharedText == null ? "" : sharedText;
                case "inlineStr" -> inline == null ? "" : inline;
                case "str", "d" -> raw == null ? "" : raw;
                case "b" -> raw == null || raw.isBlank() ? "" : "1".equals(raw.strip()) || "true".equalsIgnoreCase(raw.strip()) ? "TRUE" : "FALSE";
                case "e" -> raw == null ? "" : raw.strip();
                default -> {
                    if (raw == null || raw.isBlank()) {
                        yield "";
                    }
                    double value = Double.parseDouble(raw.strip());
                    yield number(value, formatId, format, () -> DateUtil.getLocalDateTime(value, date1904));
                }
            };
            return new Value(clean(text), null);
        } catch (RuntimeException e) {
            // One odd cell (a value its own type cannot parse) is that cell's problem, not the workbook's.
            return new Value("", unreadable(e));
        }
    }

    private static String unreadable(RuntimeException e) {
        return "Dailies could not read this cell (" + SafeWorkbook.reason(e) + "): type the value again, "
                + "or open the workbook in Excel or LibreOffice and save it";
    }

    /** 4.0 → "4", 2.5 → "2.5", never scientific notation. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String date(LocalDateTime dt, double value) {
        if (value < 1) {
            return time(dt.toLocalTime());
        }
        if (dt.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dt.toLocalDate().toString();
        }
        return dt.toLocalDate() + "T" + time(dt.toLocalTime());
    }

    private static String time(LocalTime t) {
        return (t.getSecond() == 0 ? MINUTES : SECONDS).format(t);
    }

    /** Trims spaces, including non-breaking ones pasted from the web, and normalises line breaks. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        int start = 0;
        int end = t.length();
        while (start < end && isSpace(t.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
