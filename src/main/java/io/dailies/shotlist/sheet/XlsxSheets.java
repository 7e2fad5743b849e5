package io.dailies.shotlist.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * The sheets of an .xlsx workbook read straight from their XML, row by row, each cell as the text a producer sees
 * ({@link CellText}): the shot list's and the side sheets' one reader. A 100,000-row shot list is read several
 * times in one import (found, validated, loaded, written back), so the workbook's shared-strings table, which holds
 * every distinct text, is read once per file and kept (softly, so memory pressure can take it back), and rows
 * before a restart's checkpoint are passed over without being converted.
 *
 * <p>Only for a file the upload guard passed ({@link SafeWorkbook#check}): it limits sizes and refuses DOCTYPEs.
 * Not thread-safe; close it to close the file.
 */
final class XlsxSheets implements AutoCloseable {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** Shared strings already read, by file: a workbook is opened several times in one import. */
    private static final Map<Key, SoftReference<String[]>> SHARED = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SoftReference<String[]>> eldest) {
            return size() > 4;
        }
    };

    private record Key(Path path, long size, FileTime modified) {
    }

    /** A sheet: its name as on its tab and its part in the package. */
    private record SheetPart(String name, String part) {
    }

    private final ZipFile zip;
    private final List<SheetPart> sheets;
    private final String[] shared;
    /** Number format id and format string of each cell style (the s attribute), by style index. */
    private final int[] formatIds;
    private final String[] formats;
    private final boolean date1904;
    private final CellText text;

    private XlsxSheets(ZipFile zip, List<SheetPart> sheets, String[] shared, int[] formatIds, String[] formats,
                       boolean date1904, CellText text) {
        this.zip = zip;
        this.sheets = sheets;
        this.shared = shared;
        this.formatIds = formatIds;
        this.formats = formats;
        this.date1904 = date1904;
        this.text = text;
    }

    /** Opens a checked workbook; {@code formulas} says what became of formulas saved without results. */
    static XlsxSheets open(Path xlsx, FormulaResults.Outcome formulas) throws IOException, ShotSheetFormatException {
        ZipFile zip = new ZipFile(xlsx.toFile());
        try {
            List<Rel> rels = relationships(zip, "xl/_rels/workbook.xml.rels");
            Map<String, String> partOf = new HashMap<>();
            String sharedPart = null;
            String stylesPart = null;
            for (Rel rel : rels) {
                partOf.put(rel.id(), rel.part());
                if (rel.kind().equals("sharedStrings")) {
                    sharedPart = rel.part();
                } else if (rel.kind().equals("styles")) {
                    stylesPart = rel.part();
                }
            }
            List<SheetPart> sheets = new ArrayList<>();
            boolean[] date1904 = {false};
            parse(zip, "xl/workbook.xml", r -> {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        if (r.getLocalName().equals("sheet")) {
                            String id = relationshipId(r);
                            String target = id == null ? null : partOf.get(id);
                            if (target != null) {
                                sheets.add(new SheetPart(r.getAttributeValue(null, "name"), target));
                            }
                        } else if (r.getLocalName().equals("workbookPr")) {
                            String v = r.getAttributeValue(null, "date1904");
                            date1904[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                        }
                    }
                }
            });
            List<Integer> ids = new ArrayList<>();
            Map<Integer, String> custom = new HashMap<>();
            if (stylesPart != null) {
                parse(zip, stylesPart, r -> styles(r, ids, custom));
            }
            int[] formatIds = ids.stream().mapToInt(Integer::intValue).toArray();
            String[] formats = new String[formatIds.length];
            for (int i = 0; i < formatIds.length; i++) {
                formats[i] = custom.containsKey(formatIds[i]) ? custom.get(formatIds[i]) : BuiltinFormats.getBuiltinFormat(formatIds[i]);
            }
            String[] shared = sharedPart == null ? new String[0] : sharedStrings(xlsx, zip, sharedPart);
            return new XlsxSheets(zip, sheets, shared, formatIds, formats, date1904[0], new CellText(formulas));
        } catch (IOException | RuntimeException | XMLStreamException e) {
            zip.close();
            throw SafeWorkbook.unreadable(e instanceof XMLStreamException x ? new IOException(x.getMessage(), x) : e);
        }
    }

    /** The sheets' names, in workbook order. */
    List<String> sheetNames() {
        return sheets.stream().map(SheetPart::name).toList();
    }

    /** The rows of a sheet, read as asked. */
    ShotSheetReader.RowSource rows(int sheet) {
        return new Rows(sheets.get(sheet));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** A sheet's rows: its sheetData streamed, one row at a time. */
    private final class Rows implements ShotSheetReader.RowSource {
        private final SheetPart sheet;
        private XMLStreamReader reader;
        private InputStream in;
        private boolean done;
        private int previousRow;

        Rows(SheetPart sheet) {
            this.sheet = sheet;
        }

        @Override
        public ShotSheetReader.SheetRow next(int fromRow) {
            try {
                if (reader == null && !done) {
                    ZipEntry entry = zip.getEntry(sheet.part());
                    if (entry == null) {
                        done = true;
                        return null;
                    }
                    in = zip.getInputStream(entry);
                    reader = XML.createXMLStreamReader(in);
                }
                while (!done) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.END_DOCUMENT) {
                        finish();
                        return null;
                    }
                    if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("sheetData")) {
                        finish();
                        return null;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("row")) {
                        String r = reader.getAttributeValue(null, "r");
                        int row = r == null ? previousRow + 1 : Integer.parseInt(r);
                        previousRow = row;
                        if (row < fromRow) {
                            StreamedWorkbook.skip(reader);
                            continue;
                        }
                        return row(row);
                    }
                }
                return null;
            } catch (XMLStreamException | IOException | RuntimeException e) {
                finish();
                throw new IllegalStateException("sheet '" + sheet.name() + "' could not be read: " + e.getMessage(), e);
            }
        }

        private void finish() {
            done = true;
            try {
                if (reader != null) {
                    reader.close();
                }
                if (in != null) {
                    in.close();
                }
            } catch (XMLStreamException | IOException e) {
                // nothing more to read from it either way
            }
        }

        /** The row the reader is on (at its start tag), its cells converted; ends after its end tag. */
        private ShotSheetReader.SheetRow row(int row) throws XMLStreamException {
            SortedMap<Integer, String> cells = new TreeMap<>();
            Map<Integer, String> problems = null;
            int previousColumn = -1;
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("row")) {
                    return new ShotSheetReader.SheetRow(row, cells, problems == null ? Map.of() : problems);
                }
                if (event != XMLStreamConstants.START_ELEMENT || !reader.getLocalName().equals("c")) {
                    continue;
                }
                String ref = reader.getAttributeValue(null, "r");
                int column = ref == null ? previousColumn + 1 : column(ref);
                previousColumn = column;
                String type = reader.getAttributeValue(null, "t");
                String s = reader.getAttributeValue(null, "s");
                int style = s == null ? 0 : Integer.parseInt(s);
                String value = null;
                String formula = null;
                boolean hasFormula = false;
                StringBuilder inline = null;
                while (true) {
                    int e = reader.next();
                    if (e == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("c")) {
                        break;
                    }
                    if (e != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (reader.getLocalName()) {
                        case "v" -> value = reader.getElementText();
                        case "f" -> {
                            hasFormula = true;
                            formula = reader.getElementText();
                        }
                        case "t" -> {
                            // <is><t>..</t></is>, or a run's <r><t>..</t></r>; phonetic runs (<rPh>) are left out
                            if (inline == null) {
                                inline = new StringBuilder();
                            }
                            inline.append(reader.getElementText());
                        }
                        case "rPh", "extLst" -> StreamedWorkbook.skip(reader);
                        default -> {
                        }
                    }
                }
                CellText.Value v = cell(type, value, inline == null ? null : inline.toString(), style, hasFormula, formula,
                        row, column);
                if (!v.text().isEmpty()) {
                    cells.put(column, v.text());
                }
                if (v.problem() != null) {
                    if (problems == null) {
                        problems = new HashMap<>();
                    }
                    problems.put(column, v.problem());
                }
            }
        }

        private CellText.Value cell(String type, String value, String inline, int style, boolean hasFormula, String formula,
                                    int row, int column) {
            int formatId = style < formatIds.length ? formatIds[style] : 0;
            String format = style < formats.length ? formats[style] : null;
            String sharedText = null;
            if ("s".equals(type) && value != null && !value.isBlank()) {
                int index = Integer.parseInt(value.strip());
                sharedText = index >= 0 && index < shared.length ? shared[index] : null;
            }
            return text.value(type, value, inline, sharedText, formatId, format, date1904, hasFormula, formula,
                    () -> CellIssue.place(sheet.name(), row, HeaderRow.letter(column), null));
        }
    }

    /** 0-based column of a reference such as "AB12". */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    private interface XmlReading {
        void read(XMLStreamReader r) throws XMLStreamException;
    }

    private static void parse(ZipFile zip, String part, XmlReading reading) throws IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new IOException("the workbook has no part '" + part + "'");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            try {
                reading.read(r);
            } finally {
                r.close();
            }
        }
    }

    /** One relationship of the workbook part: its id, its target as a part name, the last segment of its type. */
    private record Rel(String id, String part, String kind) {
    }

    /** The workbook part's relationships, external ones left out. */
    private static List<Rel> relationships(ZipFile zip, String part) throws IOException, XMLStreamException {
        List<Rel> rels = new ArrayList<>();
        parse(zip, part, r -> {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")
                        && !"External".equals(r.getAttributeValue(null, "TargetMode"))) {
                    String target = r.getAttributeValue(null, "Target");
                    String type = r.getAttributeValue(null, "Type");
                    String name = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    rels.add(new Rel(r.getAttributeValue(null, "Id"), normalise(name),
                            type == null ? "" : type.substring(type.lastIndexOf('/') + 1)));
                }
            }
        });
        return rels;
    }

    private static String relationshipId(XMLStreamReader r) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals("id")) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml". */
    private static String normalise(String name) {
        List<String> parts = new ArrayList<>();
        for (String p : name.split("/")) {
            if (p.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static void styles(XMLStreamReader r, List<Integer> ids, Map<Integer, String> custom) throws XMLStreamException {
        boolean inCellXfs = false;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "numFmt" -> custom.put(Integer.parseInt(r.getAttributeValue(null, "numFmtId")),
                            r.getAttributeValue(null, "formatCode"));
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            String id = r.getAttributeValue(null, "numFmtId");
                            ids.add(id == null ? 0 : Integer.parseInt(id));
                        }
                    }
                    default -> {
                    }
                }
            } else if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
                inCellXfs = false;
            }
        }
    }

    /** The shared-strings table: read once per file and kept while memory allows. */
    private static String[] sharedStrings(Path xlsx, ZipFile zip, String part) throws IOException, XMLStreamException {
        Key key = new Key(xlsx.toAbsolutePath(), Files.size(xlsx), Files.getLastModifiedTime(xlsx));
        synchronized (SHARED) {
            SoftReference<String[]> known = SHARED.get(key);
            String[] table = known == null ? null : known.get();
            if (table != null) {
                return table;
            }
        }
        List<String> strings = new ArrayList<>();
        parse(zip, part, r -> {
            StringBuilder si = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> si = new StringBuilder();
                        case "t" -> {
                            if (si != null) {
                                si.append(r.getElementText());
                            }
                        }
                        case "rPh" -> StreamedWorkbook.skip(r);
                        default -> {
                        }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("si") && si != null) {
                    strings.add(si.toString());
                    si = null;
                }
            }
        });
        String[] table = strings.toArray(String[]::new);
        synchronized (SHARED) {
            SHARED.put(key, new SoftReference<>(table));
        }
        return table;
    }
}
