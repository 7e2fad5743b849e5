package io.dailies.review;

import com.github.pjfanning.xlsx.StreamingReader;
import io.dailies.core.Verdict;
import io.dailies.platform.workbook.WorkbookGuard;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * A dailies report the producer edited in Excel: the Verdict and Reviewer notes of each row, read by
 * their headers, so reordered or added columns do not matter. Everything wrong is reported, cell by cell.
 * The upload goes through the {@link WorkbookGuard} before anything parses it, and is read streaming.
 */
final class ReviewedWorkbook {

    record RowReview(int row, String sequence, String shot, Verdict verdict, String notes) {
    }

    record Problem(String sheet, int row, String column, String field, String value, String message) {
    }

    record Result(List<RowReview> rows, List<Problem> problems) {
    }

    static final String SHEET = "Takes";
    private static final List<String> REQUIRED = List.of("Sequence", "Shot", "Verdict");

    private ReviewedWorkbook() {
    }

    /**
     * Reads the uploaded report: spooled to a temporary file, checked by the {@link WorkbookGuard} like every
     * uploaded workbook, then read with the streaming reader, a window of rows at a time, so a 100,000-take report
     * does not need its whole user model in memory. A workbook the guard refuses is one problem, with its reason.
     */
    static Result read(InputStream xlsx) {
        Path spooled = null;
        try {
            spooled = Files.createTempFile("dailies-reviewed-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(spooled)) {
                xlsx.transferTo(out);
            }
            return read(spooled);
        } catch (IOException e) {
            return unreadable(e);
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException e) {
                    // a temporary file left behind is the system's, not the reviewer's, problem
                }
            }
        }
    }

    /** Reads a report already on disk; see {@link #read(InputStream)}. */
    static Result read(Path xlsx) {
        List<RowReview> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            WorkbookGuard.check(xlsx);
        } catch (WorkbookGuard.Refused e) {
            problems.add(new Problem(null, 0, null, null, null, e.getMessage()));
            return new Result(rows, problems);
        } catch (IOException | RuntimeException e) {
            return unreadable(e);
        }
        Path thinned = null;
        try {
            thinned = SharedStrings.thinned(xlsx, SharedStrings.THIN_ABOVE_BYTES);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // read as it is: the streaming reader says what is wrong with it
        }
        try {
            return read(thinned == null ? xlsx : thinned, rows, problems);
        } finally {
            if (thinned != null) {
                try {
                    Files.deleteIfExists(thinned);
                } catch (IOException e) {
                    // a temporary file left behind is the system's, not the reviewer's, problem
                }
            }
        }
    }

    private static Result read(Path xlsx, List<RowReview> rows, List<Problem> problems) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook wb = StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(xlsx.toFile())) {
            Sheet sheet = null;
            for (int i = 0; i < wb.getNumberOfSheets() && sheet == null; i++) {
                if (wb.getSheetName(i).equals(SHEET)) {
                    sheet = wb.getSheetAt(i);
                }
            }
            if (sheet == null) {
                problems.add(new Problem(null, 0, null, null, null, "The workbook has no '" + SHEET + "' sheet: upload the report downloaded from Dailies."));
                return new Result(rows, problems);
            }
            Iterator<Row> it = sheet.rowIterator();
            Row first = it.hasNext() ? it.next() : null;
            Row header = first != null && first.getRowNum() == 0 ? first : null;
            Map<String, Integer> columns = new HashMap<>();
            if (header != null) {
                for (Cell c : header) {
                    columns.put(formatter.formatCellValue(c).strip().toLowerCase(Locale.ROOT), c.getColumnIndex());
                }
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required.toLowerCase(Locale.ROOT))) {
                    problems.add(new Problem(SHEET, 1, null, required, null, "Missing column '" + required + "' in the header row."));
                }
            }
            if (!problems.isEmpty()) {
                return new Result(rows, problems);
            }
            int seq = columns.get("sequence");
            int shot = columns.get("shot");
            int verdict = columns.get("verdict");
            Integer notes = columns.get("reviewer notes");
            while (it.hasNext()) {
                Row row = it.next();
                int r = row.getRowNum();
                String sequence = text(formatter, row, seq);
                String code = text(formatter, row, shot);
                String verdictText = text(formatter, row, verdict);
                if (sequence.isEmpty() && code.isEmpty()) {
                    continue;
                }
                Verdict v = null;
                if (!verdictText.isEmpty()) {
                    try {
                        v = Verdict.valueOf(verdictText.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(SHEET, r + 1, CellReference.convertNumToColString(verdict), "Verdict", verdictText,
                                "Verdict must be ACCEPT, RETAKE or REVIEW (or empty); found '" + verdictText + "'."));
                        continue;
                    }
                }
                String note = notes == null ? "" : text(formatter, row, notes);
                rows.add(new RowReview(r + 1, sequence, code, v, note.isEmpty() ? null : note));
            }
        } catch (IOException | RuntimeException e) {
            return unreadable(e);
        }
        return new Result(rows, problems);
    }

    private static Result unreadable(Exception e) {
        return new Result(List.of(), List.of(new Problem(null, 0, null, null, null, "Not a readable .xlsx workbook: " + e.getMessage())));
    }

    /**
     * The streaming reader keeps a workbook's whole shared-strings table in memory, and a report Excel saved has
     * every text in it: the prompts and the scorer's notes of 100,000 takes are some 350 MB of heap. Only four
     * columns are read here, so the reader gets a copy of the report whose table keeps the texts of the header and
     * of those columns and holds an empty text in the place of every other one (so every index stays the same).
     */
    static final class SharedStrings {

        private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        private static final List<String> READ = List.of("sequence", "shot", "verdict", "reviewer notes");

        private SharedStrings() {
        }

        /** A table smaller than this (inflated) is read as it is: thinning it would cost more than it saves. */
        static final long THIN_ABOVE_BYTES = 4L * 1024 * 1024;

        /**
         * The thinned copy, or null when there is nothing to thin (no shared strings, fewer than {@code minBytes} of
         * them, no Takes sheet).
         */
        static Path thinned(Path xlsx, long minBytes) throws IOException, XMLStreamException {
            try (ZipFile zip = ZipFile.builder().setPath(xlsx).get()) {
                String workbook = null;
                for (String[] rel : rels(zip, "_rels/.rels", "")) {
                    if (rel[1].endsWith("/officeDocument")) {
                        workbook = rel[2];
                    }
                }
                if (workbook == null || zip.getEntry(workbook) == null) {
                    return null;
                }
                String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
                String strings = null;
                Map<String, String> targets = new HashMap<>();
                for (String[] rel : rels(zip, dir + "_rels/" + workbook.substring(dir.length()) + ".rels", dir)) {
                    targets.put(rel[0], rel[2]);
                    if (rel[1].endsWith("/sharedStrings")) {
                        strings = rel[2];
                    }
                }
                String sheet = null;
                try (InputStream in = zip.getInputStream(zip.getEntry(workbook))) {
                    XMLStreamReader r = reader(in);
                    while (r.hasNext() && sheet == null) {
                        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")
                                && SHEET.equals(r.getAttributeValue(null, "name"))) {
                            sheet = targets.get(r.getAttributeValue(RELS, "id"));
                        }
                    }
                    r.close();
                }
                if (strings == null || sheet == null || zip.getEntry(strings) == null || zip.getEntry(sheet) == null
                        || zip.getEntry(strings).getSize() < minBytes) {
                    return null;
                }
                // The header's cells (shared-string index, or -1 and the text) and each column's shared-string indexes below it.
                Map<Integer, Integer> headerIndex = new TreeMap<>();
                Map<Integer, String> headerText = new TreeMap<>();
                Map<Integer, BitSet> used = new HashMap<>();
                try (InputStream in = zip.getInputStream(zip.getEntry(sheet))) {
                    XMLStreamReader r = reader(in);
                    int row = -1;
                    int col = -1;
                    boolean shared = false;
                    while (r.hasNext()) {
                        int ev = r.next();
                        if (ev != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        switch (r.getLocalName()) {
                            case "row" -> {
                                String ref = r.getAttributeValue(null, "r");
                                row = ref == null ? row + 1 : Integer.parseInt(ref.strip()) - 1;
                                col = -1;
                            }
                            case "c" -> {
                                col = column(r.getAttributeValue(null, "r"), col);
                                shared = "s".equals(r.getAttributeValue(null, "t"));
                                if (row == 0 && !shared) {
                                    headerText.put(col, "");
                                }
                            }
                            case "v" -> {
                                if (shared) {
                                    int index = Integer.parseInt(r.getElementText().strip());
                                    if (row == 0) {
                                        headerIndex.put(col, index);
                                    } else {
                                        used.computeIfAbsent(col, k -> new BitSet()).set(index);
                                    }
                                } else if (row == 0) {
                                    headerText.put(col, r.getElementText());
                                }
                            }
                            case "t" -> {
                                if (row == 0 && !shared) {
                                    headerText.merge(col, r.getElementText(), String::concat);
                                }
                            }
                            default -> {
                            }
                        }
                    }
                    r.close();
                }
                Map<Integer, String> texts = texts(zip, strings, new HashSet<>(headerIndex.values()));
                headerIndex.forEach((c, i) -> headerText.put(c, texts.getOrDefault(i, "")));
                Map<String, Integer> columns = new HashMap<>();
                headerText.forEach((c, t) -> columns.put(t.strip().toLowerCase(Locale.ROOT), c));
                BitSet keep = new BitSet();
                headerIndex.values().forEach(keep::set);
                for (String name : READ) {
                    Integer c = columns.get(name);
                    if (c != null && used.containsKey(c)) {
                        keep.or(used.get(c));
                    }
                }
                Path copy = Files.createTempFile("dailies-reviewed-thin-", ".xlsx");
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
                    for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                        if (e.isDirectory()) {
                            continue;
                        }
                        out.putNextEntry(new ZipEntry(e.getName()));
                        try (InputStream in = zip.getInputStream(e)) {
                            if (e.getName().equals(strings)) {
                                thin(in, out, keep);
                            } else {
                                in.transferTo(out);
                            }
                        }
                        out.closeEntry();
                    }
                } catch (IOException | XMLStreamException | RuntimeException e) {
                    Files.deleteIfExists(copy);
                    throw e;
                }
                return copy;
            }
        }

        /** The plain texts of the shared strings at {@code wanted}, read until all are found. */
        private static Map<Integer, String> texts(ZipFile zip, String part, Set<Integer> wanted) throws IOException, XMLStreamException {
            Map<Integer, String> texts = new HashMap<>();
            if (wanted.isEmpty()) {
                return texts;
            }
            try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
                XMLStreamReader r = reader(in);
                int index = -1;
                int depth = 0;
                StringBuilder text = null;
                while (r.hasNext() && texts.size() < wanted.size()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        if (r.getLocalName().equals("si")) {
                            index++;
                            text = wanted.contains(index) ? new StringBuilder() : null;
                        } else if (r.getLocalName().equals("rPh")) {
                            depth++; // phonetic runs are not part of the text
                        } else if (r.getLocalName().equals("t") && text != null && depth == 0) {
                            text.append(r.getElementText());
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        if (r.getLocalName().equals("rPh")) {
                            depth--;
                        } else if (r.getLocalName().equals("si") && text != null) {
                            texts.put(index, text.toString());
                        }
                    }
                }
                r.close();
            }
            return texts;
        }

        /** The shared-strings part with every entry not in {@code keep} emptied, in place. */
        private static void thin(InputStream in, OutputStream out, BitSet keep) throws IOException, XMLStreamException {
            XMLStreamReader r = reader(in);
            Writer w = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, StandardCharsets.UTF_8), 1 << 16);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
            int index = -1;
            int depth = 0;
            boolean open = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && r.getLocalName().equals("si") && !keep.get(++index)) {
                        if (open) {
                            w.write('>');
                            open = false;
                        }
                        String p = r.getPrefix() == null || r.getPrefix().isEmpty() ? "" : r.getPrefix() + ":";
                        w.write("<" + p + "si><" + p + "t/></" + p + "si>");
                        skip(r);
                        depth--;
                        continue;
                    }
                    if (open) {
                        w.write('>');
                    }
                    w.write('<');
                    w.write(qname(r.getPrefix(), r.getLocalName()));
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = r.getNamespacePrefix(i);
                        attribute(w, p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i));
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        attribute(w, qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
                    }
                    open = true;
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (open) {
                        w.write("/>");
                        open = false;
                    } else {
                        w.write("</" + qname(r.getPrefix(), r.getLocalName()) + ">");
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
                    if (open) {
                        w.write('>');
                        open = false;
                    }
                    escape(w, r.getText(), false);
                }
            }
            r.close();
            w.flush();
        }

        private static String qname(String prefix, String local) {
            return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
        }

        private static void attribute(Writer w, String name, String value) throws IOException {
            w.write(' ');
            w.write(name);
            w.write("=\"");
            escape(w, value, true);
            w.write('"');
        }

        private static void escape(Writer w, String s, boolean attribute) throws IOException {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> w.write("&amp;");
                    case '<' -> w.write("&lt;");
                    case '>' -> w.write("&gt;");
                    case '\r' -> w.write("&#13;");
                    case '"' -> w.write(attribute ? "&quot;" : "\"");
                    case '\n' -> w.write(attribute ? "&#10;" : "\n");
                    case '\t' -> w.write(attribute ? "&#9;" : "\t");
                    default -> w.write(c);
                }
            }
        }

        /** Relationships of a part: id, type, target resolved to a part name. */
        private static List<String[]> rels(ZipFile zip, String part, String base) throws IOException, XMLStreamException {
            List<String[]> rels = new ArrayList<>();
            ZipArchiveEntry e = zip.getEntry(part);
            if (e == null) {
                return rels;
            }
            try (InputStream in = zip.getInputStream(e)) {
                XMLStreamReader r = reader(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")
                            && !"External".equals(r.getAttributeValue(null, "TargetMode"))) {
                        String target = r.getAttributeValue(null, "Target");
                        String path = target == null ? "" : target.startsWith("/") ? target.substring(1) : base + target;
                        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
                        for (String p : path.split("/")) {
                            if (p.equals("..")) {
                                parts.pollLast();
                            } else if (!p.isEmpty() && !p.equals(".")) {
                                parts.addLast(p);
                            }
                        }
                        rels.add(new String[]{r.getAttributeValue(null, "Id"), String.valueOf(r.getAttributeValue(null, "Type")),
                                String.join("/", parts)});
                    }
                }
                r.close();
            }
            return rels;
        }

        /** 0-based column of a cell reference ("AB12"), or the one after {@code previous} when there is none. */
        private static int column(String ref, int previous) {
            if (ref == null || ref.isEmpty()) {
                return previous + 1;
            }
            int col = 0;
            int i = 0;
            for (; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return i == 0 ? previous + 1 : col - 1;
        }

        private static void skip(XMLStreamReader r) throws XMLStreamException {
            for (int depth = 1; depth > 0; ) {
                int ev = r.next();
                depth += ev == XMLStreamConstants.START_ELEMENT ? 1 : ev == XMLStreamConstants.END_ELEMENT ? -1 : 0;
            }
        }

        private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return f.createXMLStreamReader(in);
        }
    }

    private static String text(DataFormatter f, Row row, int column) {
        Cell c = row.getCell(column);
        return c == null ? "" : f.formatCellValue(c).strip();
    }
}
