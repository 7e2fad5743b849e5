package io.dailies.shotlist.sheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a shot list saved as CSV into the same {@link RawShotRow}s as an .xlsx 'Shots' sheet, through
 * a {@link ShotSheetReader} (so the import job needs no second code path): the same header search in
 * the first 30 records (title lines above the header are fine), the same header matching and
 * aliases, and column letters A, B, C... as Excel shows when it opens the file. The sheet name is
 * {@value #SHEET_NAME}.
 *
 * <ul>
 *   <li>Encoding: UTF-8, with or without a byte-order mark. A file that is not valid UTF-8 is read
 *       as Windows-1252 (what Excel's plain "CSV (Comma delimited)" writes on Windows).</li>
 *   <li>Separator: ',' or ';' (Excel in many European locales), whichever makes the better header
 *       row; ',' on a tie.</li>
 *   <li>Quoting: RFC 4180. A field in double quotes may hold separators, line breaks and doubled
 *       quotes ({@code ""} for {@code "}). A quote inside an unquoted field is kept as it is.</li>
 *   <li>Rows: the record number, counting blank lines but not the line breaks inside quoted
 *       fields: the row Excel shows when it opens the file. Blank records are skipped.</li>
 * </ul>
 */
public final class CsvShotReader {

    /** The sheet name CSV rows report, in the layout and in issues. */
    public static final String SHEET_NAME = "CSV";
    /** How much of the file is looked at to choose the encoding and the separator. */
    static final int SNIFF_BYTES = 64 * 1024;

    private CsvShotReader() {
    }

    /**
     * Opens a CSV shot list. {@link ShotSheetReader#open(Path)} calls this for any file that is CSV
     * text, whatever its extension.
     *
     * @throws ShotSheetFormatException when there is no header row in the first 30 records or a
     *                                  required column is missing
     */
    public static ShotSheetReader open(Path csv) throws IOException, ShotSheetFormatException {
        byte[] head;
        try (InputStream in = Files.newInputStream(csv)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        Charset charset = isUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        String sample = new String(head, charset);
        char separator = separator(sample);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(csv),
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        try {
            return ShotSheetReader.open(reader, SHEET_NAME, new Records(reader, separator));
        } catch (ShotSheetFormatException | RuntimeException e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
    static boolean isUtf8(byte[] head) {
        int end = head.length;
        // drop an incomplete trailing sequence: back up over continuation bytes to the lead byte
        int i = end - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (head[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i >= 0 && (head[i] & 0x80) != 0) {
            int lead = head[i] & 0xFF;
            int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (end - i < need) {
                end = i;
            }
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            d.decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** ',' or ';': the one whose split of the first records looks most like a header row. */
    static char separator(String sample) {
        int comma = headerScore(sample, ',');
        int semicolon = headerScore(sample, ';');
        if (semicolon > comma) {
            return ';';
        }
        if (comma == 0 && semicolon == 0 && count(sample, ';') > count(sample, ',')) {
            return ';';
        }
        return ',';
    }

    private static int headerScore(String sample, char separator) {
        Records records = new Records(new java.io.StringReader(sample), separator);
        int best = 0;
        for (int n = 0; n < ShotSheetReader.HEADER_SEARCH_ROWS; n++) {
            ShotSheetReader.SheetRow r = records.next(0);
            if (r == null) {
                break;
            }
            best = Math.max(best, HeaderRow.recognised(r.cells()));
        }
        return best;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    /** RFC 4180 records of a character stream, as sheet rows. */
    static final class Records implements ShotSheetReader.RowSource {
        private final Reader in;
        private final char separator;
        private int record;
        private boolean atStart = true;
        private boolean ended;

        Records(Reader in, char separator) {
            this.in = in;
            this.separator = separator;
        }

        @Override
        public ShotSheetReader.SheetRow next(int fromRow) {
            try {
                while (!ended) {
                    List<String> fields = readRecord();
                    if (fields == null) {
                        return null;
                    }
                    record++;
                    if (record < fromRow) {
                        continue;
                    }
                    SortedMap<Integer, String> cells = new TreeMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        String s = CellText.clean(fields.get(i));
                        if (!s.isEmpty()) {
                            cells.put(i, s);
                        }
                    }
                    if (!cells.isEmpty()) {
                        return new ShotSheetReader.SheetRow(record, cells);
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next record's fields, or null at the end of the input. */
        private List<String> readRecord() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;     // inside a quoted field
            boolean fieldStart = true;  // nothing read yet for this field
            boolean any = false;        // anything read for this record
            while (true) {
                int c = in.read();
                if (atStart) {
                    atStart = false;
                    if (c == '\uFEFF') {
                        c = in.read();
                    }
                }
                if (c == -1) {
                    ended = true;
                    if (!any) {
                        return null;
                    }
                    fields.add(field.toString()); // an unclosed quote runs to the end of the file
                    return fields;
                }
                any = true;
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int n = in.read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (n != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                    fieldStart = false;
                }
            }
        }
    }
}
