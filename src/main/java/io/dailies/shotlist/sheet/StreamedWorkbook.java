package io.dailies.shotlist.sheet;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Edits a workbook too big for POI's user model without losing anything of it. POI gets a reduced copy of the
 * package: every worksheet without its rows (except the first rows of a sheet the caller keeps, such as a shot
 * list's title and header rows, and whole sheets the caller replaces), and no shared-strings table (the kept rows'
 * shared strings are written inline). The caller changes that small workbook with the ordinary POI API (styles,
 * header cells, names, column widths, comments, pictures, new sheets), then {@link #write} saves it and puts
 * every row back where it was: each row is copied from the original package as it is, byte for byte in meaning
 * (values, formulas, style indexes, heights), except the cells a {@link RowPatcher} changes, and the original
 * shared-strings table goes back in unchanged. So a 100,000-row sheet is edited with a window of one row in
 * memory, and every cell the caller does not patch keeps its value and formatting exactly.
 *
 * <p>Rows POI holds beyond the kept ones (the caller may create some, e.g. to anchor comments to cells, since POI
 * attaches comments through cells) are not written: the original rows stand in their place, patched.
 *
 * <p>Opening it runs the upload guard first. Not thread-safe; close it to delete its temporary files.
 */
public final class StreamedWorkbook implements Closeable {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String CONTENT_TYPES = "[Content_Types].xml";

    // --- what the caller says ---

    /** Which rows POI gets, and which cells the caller wants to know about before it patches them. */
    public static final class Plan {
        private final Map<String, Integer> keepRows = new HashMap<>();
        private final Set<String> whole = new HashSet<>();
        private final Map<String, Set<Long>> watched = new HashMap<>();

        /** POI gets the sheet's first {@code rows} rows (0-based indexes below {@code rows}); the others stream. */
        public Plan keepRows(String sheet, int rows) {
            keepRows.put(sheet, rows);
            return this;
        }

        /** POI gets the whole sheet: one the caller replaces or that is known to be small. */
        public Plan keepWhole(String sheet) {
            whole.add(sheet);
            return this;
        }

        /** Records the style of this cell (0-based) and its row while the rows stream past: see {@link #cell}. */
        public Plan watch(String sheet, int row, int column) {
            watched.computeIfAbsent(sheet, k -> new HashSet<>()).add(key(row, column));
            return this;
        }

        /** Records the height and style of this row (0-based). */
        public Plan watchRow(String sheet, int row) {
            return watch(sheet, row, -1);
        }
    }

    /**
     * What a watched cell was in the original workbook.
     *
     * @param exists    whether the cell is in the sheet's XML (a cell can exist with no value: a formatted blank)
     * @param style     its style index; 0 when it has none or does not exist
     * @param rowStyle  the row's style index when the row is formatted (customFormat), else null
     * @param rowHeight the row's height in points when it sets one, else null (the sheet's default)
     */
    public record CellInfo(boolean exists, int style, Integer rowStyle, Float rowHeight) {
        static final CellInfo NONE = new CellInfo(false, 0, null, null);
    }

    /** What to put in a cell of a streamed row. */
    public static final class Patch {
        enum Kind { STYLE, BLANK, TEXT, NUMBER, FORMULA }

        final Kind kind;
        final Integer style;
        final String text;
        final double number;
        final String formula;

        private Patch(Kind kind, Integer style, String text, double number, String formula) {
            this.kind = kind;
            this.style = style;
            this.text = text;
            this.number = number;
            this.formula = formula;
        }

        /** The cell keeps its value (and formula), and takes this style; created blank when missing. */
        public static Patch style(int style) {
            return new Patch(Kind.STYLE, style, null, 0, null);
        }

        /** An empty cell; {@code style} null keeps the cell's own style, as POI's {@code setBlank} does. */
        public static Patch blank(Integer style) {
            return new Patch(Kind.BLANK, style, null, 0, null);
        }

        /** Text, written inline; {@code style} null keeps the cell's own style. */
        public static Patch text(String text, Integer style) {
            return new Patch(Kind.TEXT, style, text, 0, null);
        }

        /** A number; {@code style} null keeps the cell's own style. */
        public static Patch number(double value, Integer style) {
            return new Patch(Kind.NUMBER, style, null, value, null);
        }

        /** A formula with its cached text result, e.g. HYPERLINK("https://...","Open"); {@code style} null keeps the cell's own. */
        public static Patch formula(String formula, String cachedText, Integer style) {
            return new Patch(Kind.FORMULA, style, cachedText, 0, formula);
        }
    }

    /** The cells to change in a row of a streamed sheet, by 0-based column; null or empty to leave the row alone. */
    @FunctionalInterface
    public interface RowPatcher {
        SortedMap<Integer, Patch> patch(int row);

        /** Rows (0-based) to create, with their patches, where the sheet has none; none by default. */
        default NavigableSet<Integer> rowsToAdd() {
            return Collections.emptyNavigableSet();
        }

        /** These cells, by row: rows the sheet does not have are created for them. */
        static RowPatcher cells(NavigableMap<Integer, ? extends SortedMap<Integer, Patch>> rows) {
            return new RowPatcher() {
                @Override
                public SortedMap<Integer, Patch> patch(int row) {
                    return rows.get(row);
                }

                @Override
                public NavigableSet<Integer> rowsToAdd() {
                    return rows.navigableKeySet();
                }
            };
        }
    }

    // --- what is known of the original package ---

    private record Rel(String id, String type, String target) {
    }

    /** One worksheet of the original package and what the reduction found in it. */
    private static final class SheetPart {
        final String name;
        final String part;
        boolean whole;
        int keep;
        final Map<String, String> rootNamespaces = new LinkedHashMap<>();
        final Map<Long, CellInfo> watched = new HashMap<>();
        final Set<Long> watchedKeys;
        final Set<Integer> watchedRows = new HashSet<>();
        int minRow = Integer.MAX_VALUE;
        int maxRow = -1;
        int minCol = Integer.MAX_VALUE;
        int maxCol = -1;

        SheetPart(String name, String part, Set<Long> watchedKeys) {
            this.name = name;
            this.part = part;
            this.watchedKeys = watchedKeys == null ? Set.of() : watchedKeys;
            for (long k : this.watchedKeys) {
                watchedRows.add((int) (k >> 20));
            }
        }

        void bounds(int row, int col) {
            minRow = Math.min(minRow, row);
            maxRow = Math.max(maxRow, row);
            if (col >= 0) {
                minCol = Math.min(minCol, col);
                maxCol = Math.max(maxCol, col);
            }
        }
    }

    private final Path source;
    private final Plan plan;
    private final List<Path> temporary = new ArrayList<>();
    private ZipFile original;
    private String sharedStringsPart;
    private final Map<String, SheetPart> sheets = new LinkedHashMap<>();
    private XSSFWorkbook workbook;

    private StreamedWorkbook(Path source, Plan plan) {
        this.source = source;
        this.plan = plan;
    }

    /**
     * Checks the workbook with the upload guard ({@link SafeWorkbook#check}), reads the package and gives POI its
     * reduced copy.
     *
     * @throws ShotSheetFormatException when the guard refuses the workbook, or it is not one this can take apart
     */
    public static StreamedWorkbook open(Path xlsx, Plan plan) throws IOException, ShotSheetFormatException {
        SafeWorkbook.check(xlsx);
        StreamedWorkbook w = new StreamedWorkbook(xlsx, plan);
        try {
            w.load();
            return w;
        } catch (IOException | ShotSheetFormatException | RuntimeException e) {
            w.close();
            throw e;
        } catch (XMLStreamException e) {
            w.close();
            throw SafeWorkbook.unreadable(e);
        }
    }

    /** POI's model of the reduced workbook: change it, then {@link #write}. */
    public XSSFWorkbook workbook() {
        return workbook;
    }

    /** What the watched cell (0-based) was in the original; {@link CellInfo#NONE}-like when absent or not watched. */
    public CellInfo cell(String sheet, int row, int column) {
        SheetPart s = sheets.get(resolve(sheet));
        if (s == null) {
            return CellInfo.NONE;
        }
        CellInfo info = s.watched.get(key(row, column));
        if (info == null) {
            CellInfo rowInfo = s.watched.get(key(row, -1));
            return rowInfo == null ? CellInfo.NONE : new CellInfo(false, 0, rowInfo.rowStyle(), rowInfo.rowHeight());
        }
        return info;
    }

    /** The original's name of a sheet, matched exactly, else ignoring case and white space; null when none. */
    public String resolve(String name) {
        if (name == null) {
            return null;
        }
        if (sheets.containsKey(name)) {
            return name;
        }
        String squashed = squash(name);
        for (String n : sheets.keySet()) {
            if (squash(n).equals(squashed)) {
                return n;
            }
        }
        return null;
    }

    /**
     * Widens a streamed sheet's dimension (the used range Excel reads first) to a cell the patches write beyond the
     * original ones ({@code row} -1: a column on every row); call before {@link #write}.
     */
    public void cover(String sheet, int row, int column) {
        SheetPart s = sheets.get(resolve(sheet));
        if (s != null) {
            if (row >= 0) {
                s.bounds(row, column);
            } else if (s.maxRow >= 0) {
                s.minCol = Math.min(s.minCol, column);
                s.maxCol = Math.max(s.maxCol, column);
            }
        }
    }

    /** The last row index (0-based) of a sheet in the original, -1 when it has none. */
    public int lastRow(String sheet) {
        SheetPart s = sheets.get(resolve(sheet));
        return s == null ? -1 : s.maxRow;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | (column + 1);
    }

    // --- reading the original ---

    private void load() throws IOException, XMLStreamException, ShotSheetFormatException {
        original = ZipFile.builder().setPath(source).get();
        String workbookPart = null;
        for (Rel r : rels("_rels/.rels", "")) {
            if (r.type().endsWith("/officeDocument")) {
                workbookPart = r.target();
            }
        }
        if (workbookPart == null || original.getEntry(workbookPart) == null) {
            throw new ShotSheetFormatException(CellIssue.workbook(null, "The file has no workbook part: " + WorkbookFileCheck.SAVE_AS_XLSX));
        }
        String dir = workbookPart.contains("/") ? workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1) : "";
        Map<String, Rel> byId = new HashMap<>();
        for (Rel r : rels(relsOf(workbookPart), dir)) {
            byId.put(r.id(), r);
            if (r.type().endsWith("/sharedStrings")) {
                sharedStringsPart = r.target();
            }
        }
        for (String[] sheet : sheetsOf(workbookPart)) {
            Rel r = byId.get(sheet[1]);
            if (r != null && r.type().endsWith("/worksheet") && original.getEntry(r.target()) != null) {
                sheets.put(sheet[0], new SheetPart(sheet[0], r.target(), null));
            }
        }
        Map<String, Set<Long>> watched = new HashMap<>();
        plan.watched.forEach((name, keys) -> {
            String n = resolve(name);
            if (n != null) {
                watched.computeIfAbsent(n, k -> new HashSet<>()).addAll(keys);
            }
        });
        for (SheetPart s : new ArrayList<>(sheets.values())) {
            SheetPart p = new SheetPart(s.name, s.part, watched.get(s.name));
            sheets.put(s.name, p);
        }
        plan.whole.forEach(name -> {
            String n = resolve(name);
            if (n != null) {
                sheets.get(n).whole = true;
            }
        });
        plan.keepRows.forEach((name, rows) -> {
            String n = resolve(name);
            if (n != null) {
                sheets.get(n).keep = rows;
            }
        });

        // The shared strings the rows POI gets refer to: only those are read, to be written inline.
        Set<Integer> needed = new HashSet<>();
        for (SheetPart s : sheets.values()) {
            keptSharedStrings(s, needed);
        }
        Map<Integer, List<Object>> strings = sharedStrings(original, sharedStringsPart, needed);

        Path reduced = temp("dailies-reduced-");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(reduced))) {
            Map<String, SheetPart> byPart = new HashMap<>();
            sheets.values().forEach(s -> byPart.put(s.part, s));
            String workbookRels = relsOf(workbookPart);
            for (ZipArchiveEntry e : Collections.list(original.getEntriesInPhysicalOrder())) {
                String name = e.getName();
                if (e.isDirectory() || name.equals(sharedStringsPart)) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(name));
                OutputStream out = unclosable(zip);
                try (InputStream in = original.getInputStream(e)) {
                    if (name.equals(workbookRels) && sharedStringsPart != null) {
                        withoutSharedStrings(in, out, true);
                    } else if (name.equals(CONTENT_TYPES) && sharedStringsPart != null) {
                        withoutSharedStrings(in, out, false);
                    } else if (byPart.containsKey(name)) {
                        reduce(in, out, byPart.get(name), strings);
                    } else {
                        in.transferTo(out);
                    }
                }
                zip.closeEntry();
            }
        }
        try {
            workbook = new XSSFWorkbook(OPCPackage.open(reduced.toFile(), PackageAccess.READ_WRITE));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            throw SafeWorkbook.unreadable(e);
        }
    }

    private static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** Relationships of a part, targets resolved to part names (no leading '/'); external ones left out. */
    private List<Rel> rels(String relsPart, String baseDir) throws IOException, XMLStreamException {
        ZipArchiveEntry e = original.getEntry(relsPart);
        if (e == null) {
            return new ArrayList<>();
        }
        try (InputStream in = original.getInputStream(e)) {
            return relsOf(in, baseDir);
        }
    }

    static String resolveTarget(String baseDir, String target) {
        if (target == null) {
            return "";
        }
        String path = target.startsWith("/") ? target.substring(1) : baseDir + target;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                parts.pollLast();
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    /** The workbook's sheets in order: name and relationship id. */
    private List<String[]> sheetsOf(String workbookPart) throws IOException, XMLStreamException {
        List<String[]> list = new ArrayList<>();
        try (InputStream in = original.getInputStream(original.getEntry(workbookPart))) {
            XMLStreamReader r = reader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                    list.add(new String[]{r.getAttributeValue(null, "name"), r.getAttributeValue(DOC_RELS, "id")});
                }
            }
            r.close();
        }
        return list;
    }

    /** The shared-string indexes the rows POI keeps of a sheet refer to. */
    private void keptSharedStrings(SheetPart s, Set<Integer> needed) throws IOException, XMLStreamException {
        if (!s.whole && s.keep <= 0) {
            return;
        }
        try (InputStream in = original.getInputStream(original.getEntry(s.part))) {
            XMLStreamReader r = reader(in);
            int row = -1;
            boolean shared = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    if (local.equals("row")) {
                        row = rowIndex(r.getAttributeValue(null, "r"), row);
                        if (!s.whole && row >= s.keep) {
                            break;
                        }
                    } else if (local.equals("c")) {
                        shared = "s".equals(r.getAttributeValue(null, "t"));
                    } else if (local.equals("v") && shared) {
                        try {
                            needed.add(Integer.parseInt(r.getElementText().strip()));
                        } catch (NumberFormatException e) {
                            // not a shared string after all: left as it is
                        }
                    }
                }
            }
            r.close();
        }
    }

    /** The entries of a shared-strings part at {@code wanted} indexes (all when null), each as its si's children. */
    private static Map<Integer, List<Object>> sharedStrings(ZipFile zip, String part, Set<Integer> wanted)
            throws IOException, XMLStreamException {
        Map<Integer, List<Object>> strings = new HashMap<>();
        if (part == null || zip.getEntry(part) == null || wanted != null && wanted.isEmpty()) {
            return strings;
        }
        try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
            XMLStreamReader r = reader(in);
            int index = -1;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("si")) {
                    index++;
                    if (wanted == null || wanted.contains(index)) {
                        strings.put(index, Elem.capture(r).children);
                    } else {
                        skip(r);
                    }
                }
            }
            r.close();
        }
        return strings;
    }

    /** Copies a relationships or content-types part without the shared-strings part in it. */
    private void withoutSharedStrings(InputStream in, OutputStream out, boolean relationships) throws IOException {
        try {
            XMLStreamReader r = reader(in);
            XmlOut x = new XmlOut(out);
            x.declaration();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    boolean drop = relationships
                            ? r.getLocalName().equals("Relationship") && String.valueOf(r.getAttributeValue(null, "Type")).endsWith("/sharedStrings")
                            : r.getLocalName().equals("Override") && ("/" + sharedStringsPart).equals(r.getAttributeValue(null, "PartName"));
                    if (drop) {
                        skip(r);
                    } else {
                        x.startCopy(r);
                    }
                } else {
                    x.copyEvent(r, ev);
                }
            }
            r.close();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /**
     * Writes a worksheet for POI: everything but its rows, except the kept ones (shared strings written inline),
     * noting what the rows that stream hold (their extent, the watched cells).
     */
    private void reduce(InputStream in, OutputStream out, SheetPart s, Map<Integer, List<Object>> strings) throws IOException {
        try {
            XMLStreamReader r = reader(in);
            XmlOut x = new XmlOut(out);
            x.declaration();
            boolean root = true;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (root) {
                        for (int i = 0; i < r.getNamespaceCount(); i++) {
                            s.rootNamespaces.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i), r.getNamespaceURI(i));
                        }
                        root = false;
                    }
                    x.startCopy(r);
                    if (r.getLocalName().equals("sheetData") && MAIN.equals(r.getNamespaceURI())) {
                        reduceRows(r, x, s, strings);
                    }
                } else {
                    x.copyEvent(r, ev);
                }
            }
            r.close();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Inside sheetData: kept rows copied (shared strings inline), the others only looked at. Ends after its end tag. */
    private static void reduceRows(XMLStreamReader r, XmlOut x, SheetPart s, Map<Integer, List<Object>> strings)
            throws XMLStreamException, IOException {
        int row = -1;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                x.end();
                return;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                x.copyEvent(r, ev);
                continue;
            }
            if (!r.getLocalName().equals("row")) {
                x.copySubtree(r);
                continue;
            }
            row = rowIndex(r.getAttributeValue(null, "r"), row);
            if (s.whole || row < s.keep) {
                Elem e = Elem.capture(r);
                inlineSharedStrings(e, strings);
                x.write(e);
                observe(s, row, e);
            } else {
                look(r, s, row);
            }
        }
    }

    /** Notes the extent and the watched cells of a kept row. */
    private static void observe(SheetPart s, int row, Elem e) {
        s.bounds(row, -1);
        watchRow(s, row, e.attr("s"), e.attr("customFormat"), e.attr("ht"));
        int col = -1;
        for (Object o : e.children) {
            if (o instanceof Elem c && c.local.equals("c")) {
                col = columnIndex(c.attr("r"), col);
                s.bounds(row, col);
                watchCell(s, row, col, c.attr("s"));
            }
        }
    }

    /** Passes over a row that streams, noting its extent and watched cells. */
    private static void look(XMLStreamReader r, SheetPart s, int row) throws XMLStreamException {
        s.bounds(row, -1);
        boolean watchedRow = s.watchedRows.contains(row);
        if (watchedRow) {
            watchRow(s, row, r.getAttributeValue(null, "s"), r.getAttributeValue(null, "customFormat"), r.getAttributeValue(null, "ht"));
        }
        int depth = 1;
        int col = -1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && r.getLocalName().equals("c")) {
                    col = columnIndex(r.getAttributeValue(null, "r"), col);
                    s.bounds(row, col);
                    if (watchedRow) {
                        watchCell(s, row, col, r.getAttributeValue(null, "s"));
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void watchRow(SheetPart s, int row, String style, String customFormat, String height) {
        long k = key(row, -1);
        if (!s.watchedKeys.contains(k) && !s.watchedRows.contains(row)) {
            return;
        }
        Integer rowStyle = ("1".equals(customFormat) || "true".equals(customFormat)) && style != null ? parseInt(style) : null;
        Float ht = null;
        if (height != null) {
            try {
                ht = Float.parseFloat(height);
            } catch (NumberFormatException e) {
                // the default height
            }
        }
        s.watched.put(k, new CellInfo(false, 0, rowStyle, ht));
    }

    private static void watchCell(SheetPart s, int row, int col, String style) {
        long k = key(row, col);
        if (s.watchedKeys.contains(k)) {
            CellInfo rowInfo = s.watched.getOrDefault(key(row, -1), CellInfo.NONE);
            s.watched.put(k, new CellInfo(true, style == null ? 0 : parseInt(style), rowInfo.rowStyle(), rowInfo.rowHeight()));
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Turns every shared-string cell of a row into an inline-string cell with the same rich text. */
    private static void inlineSharedStrings(Elem row, Map<Integer, List<Object>> strings) {
        for (Object o : row.children) {
            if (!(o instanceof Elem c) || !c.local.equals("c") || !"s".equals(c.attr("t"))) {
                continue;
            }
            Elem v = c.child("v");
            List<Object> si = null;
            if (v != null) {
                try {
                    si = strings.get(Integer.parseInt(v.text().strip()));
                } catch (NumberFormatException e) {
                    // left as it is
                }
            }
            if (si == null) {
                continue;
            }
            c.setAttr("t", "inlineStr");
            c.children.remove(v);
            Elem is = new Elem(c.prefix, "is", MAIN);
            is.children.addAll(si);
            c.children.add(is);
        }
    }

    // --- writing ---

    /**
     * Saves POI's workbook, then writes the whole package to {@code out}: POI's parts, each worksheet's rows put back
     * from the original (patched where {@code patchers} say, by sheet name), and the original shared strings.
     */
    public void write(Path out, Map<String, RowPatcher> patchers) throws IOException {
        Path saved = temp("dailies-edited-");
        try (OutputStream os = Files.newOutputStream(saved)) {
            workbook.write(os);
        }
        Map<String, RowPatcher> bySheet = new HashMap<>();
        patchers.forEach((name, p) -> {
            String n = resolve(name);
            if (n != null) {
                bySheet.put(n, p);
            }
        });
        try (ZipFile edited = ZipFile.builder().setPath(saved).get();
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            String workbookPart = null;
            try (InputStream in = edited.getInputStream(edited.getEntry("_rels/.rels"))) {
                for (Rel r : relsOf(in, "")) {
                    if (r.type().endsWith("/officeDocument")) {
                        workbookPart = r.target();
                    }
                }
            }
            String dir = workbookPart.contains("/") ? workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1) : "";
            Map<String, Rel> byId = new HashMap<>();
            String editedStrings = null;
            try (InputStream in = edited.getInputStream(edited.getEntry(relsOf(workbookPart)))) {
                for (Rel r : relsOf(in, dir)) {
                    byId.put(r.id(), r);
                    if (r.type().endsWith("/sharedStrings")) {
                        editedStrings = r.target();
                    }
                }
            }
            Map<String, String> sheetOfPart = new HashMap<>();
            try (InputStream in = edited.getInputStream(edited.getEntry(workbookPart))) {
                XMLStreamReader r = reader(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                        Rel rel = byId.get(r.getAttributeValue(DOC_RELS, "id"));
                        if (rel != null && rel.type().endsWith("/worksheet")) {
                            sheetOfPart.put(rel.target(), r.getAttributeValue(null, "name"));
                        }
                    }
                }
                r.close();
            }
            if (editedStrings == null && sharedStringsPart != null) {
                // POI always writes a shared-strings part; the original rows need one to point into
                throw new IOException("the saved workbook has no shared-strings part for the original rows to refer to");
            }
            Map<Integer, List<Object>> poiStrings = sharedStrings(edited, editedStrings, null);

            for (ZipArchiveEntry e : Collections.list(edited.getEntriesInPhysicalOrder())) {
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(name));
                OutputStream os = unclosable(zip);
                if (name.equals(editedStrings)) {
                    if (sharedStringsPart != null && original.getEntry(sharedStringsPart) != null) {
                        try (InputStream in = original.getInputStream(original.getEntry(sharedStringsPart))) {
                            in.transferTo(os);
                        }
                    } else {
                        os.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN
                                + "\" count=\"0\" uniqueCount=\"0\"/>").getBytes(StandardCharsets.UTF_8));
                    }
                } else if (sheetOfPart.containsKey(name)) {
                    String sheet = sheetOfPart.get(name);
                    SheetPart from = sheets.get(sheet);
                    try (InputStream in = edited.getInputStream(e)) {
                        merge(in, os, from == null || from.whole ? null : from, poiStrings, bySheet.get(sheet), edited, e);
                    }
                } else {
                    try (InputStream in = edited.getInputStream(e)) {
                        in.transferTo(os);
                    }
                }
                zip.closeEntry();
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static List<Rel> relsOf(InputStream in, String baseDir) throws XMLStreamException {
        List<Rel> rels = new ArrayList<>();
        XMLStreamReader r = reader(in);
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")
                    && !"External".equals(r.getAttributeValue(null, "TargetMode"))) {
                rels.add(new Rel(r.getAttributeValue(null, "Id"), String.valueOf(r.getAttributeValue(null, "Type")),
                        resolveTarget(baseDir, r.getAttributeValue(null, "Target"))));
            }
        }
        r.close();
        return rels;
    }

    /**
     * One worksheet of the saved workbook, written out: POI's rows with their shared strings inline (those beyond
     * the kept ones dropped), then, for a sheet that was reduced, the original's rows from where POI's stop,
     * patched; the dimension covering both.
     */
    private void merge(InputStream poi, OutputStream out, SheetPart from, Map<Integer, List<Object>> poiStrings,
                       RowPatcher patcher, ZipFile edited, ZipArchiveEntry entry) throws IOException, XMLStreamException {
        String dimension = null;
        if (from != null) {
            // POI's own rows (the kept ones) and the streamed ones make the dimension
            int[] b = {from.minRow, from.maxRow, from.minCol, from.maxCol};
            try (InputStream again = edited.getInputStream(entry)) {
                XMLStreamReader r = reader(again);
                int row = -1;
                int col = -1;
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        if (r.getLocalName().equals("row")) {
                            row = rowIndex(r.getAttributeValue(null, "r"), row);
                            col = -1;
                        } else if (r.getLocalName().equals("c") && row >= 0 && row < from.keep) {
                            col = columnIndex(r.getAttributeValue(null, "r"), col);
                            b[0] = Math.min(b[0], row);
                            b[1] = Math.max(b[1], row);
                            b[2] = Math.min(b[2], col);
                            b[3] = Math.max(b[3], col);
                        }
                    }
                }
                r.close();
            }
            if (b[1] >= 0 && b[3] >= 0) {
                dimension = cellRef(b[0], b[2]) + (b[0] == b[1] && b[2] == b[3] ? "" : ":" + cellRef(b[1], b[3]));
            }
        }
        XMLStreamReader r = reader(poi);
        XmlOut x = new XmlOut(out);
        x.declaration();
        boolean root = true;
        Map<String, String> bound = new HashMap<>();
        String mainPrefix = "";
        while (r.hasNext()) {
            int ev = r.next();
            if (ev != XMLStreamConstants.START_ELEMENT) {
                x.copyEvent(r, ev);
                continue;
            }
            if (root) {
                root = false;
                x.startCopy(r);
                for (int i = 0; i < r.getNamespaceCount(); i++) {
                    bound.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i), r.getNamespaceURI(i));
                }
                if (from != null) {
                    // prefixes the original rows use (x14ac:dyDescent...) declared where they were
                    for (Map.Entry<String, String> ns : from.rootNamespaces.entrySet()) {
                        if (!bound.containsKey(ns.getKey())) {
                            x.attr(ns.getKey().isEmpty() ? "xmlns" : "xmlns:" + ns.getKey(), ns.getValue());
                            bound.put(ns.getKey(), ns.getValue());
                        }
                    }
                }
                for (Map.Entry<String, String> ns : bound.entrySet()) {
                    if (MAIN.equals(ns.getValue())) {
                        mainPrefix = ns.getKey();
                    }
                }
                continue;
            }
            String local = r.getLocalName();
            if (local.equals("dimension") && MAIN.equals(r.getNamespaceURI()) && dimension != null) {
                x.start(qname(r));
                x.attr("ref", dimension);
                skip(r);
                x.end();
                continue;
            }
            x.startCopy(r);
            if (local.equals("sheetData") && MAIN.equals(r.getNamespaceURI())) {
                int row = -1;
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (e != XMLStreamConstants.START_ELEMENT) {
                        x.copyEvent(r, e);
                        continue;
                    }
                    if (!r.getLocalName().equals("row")) {
                        x.copySubtree(r);
                        continue;
                    }
                    row = rowIndex(r.getAttributeValue(null, "r"), row);
                    if (from != null && row >= from.keep) {
                        skip(r); // a row POI held only to anchor something: the original stands in its place
                        continue;
                    }
                    Elem e2 = Elem.capture(r);
                    inlineSharedStrings(e2, poiStrings);
                    x.write(e2);
                }
                if (from != null) {
                    Map<String, String> clashes = new LinkedHashMap<>();
                    from.rootNamespaces.forEach((p, uri) -> {
                        if (!uri.equals(bound.get(p))) {
                            clashes.put(p, uri);
                        }
                    });
                    spliceRows(x, from, patcher, clashes, mainPrefix);
                }
                x.end();
            }
        }
        r.close();
        x.flush();
    }

    /** The original's rows from {@code from.keep} on, copied, or patched where the patcher says. */
    private void spliceRows(XmlOut x, SheetPart from, RowPatcher patcher, Map<String, String> clashes, String mainPrefix)
            throws IOException, XMLStreamException {
        try (InputStream in = original.getInputStream(original.getEntry(from.part))) {
            XMLStreamReader r = reader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheetData")
                        && MAIN.equals(r.getNamespaceURI())) {
                    break;
                }
            }
            int row = -1;
            TreeSet<Integer> toAdd = new TreeSet<>(patcher == null ? Set.of() : patcher.rowsToAdd().tailSet(from.keep, true));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (ev != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("row")) {
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        skip(r);
                    }
                    continue;
                }
                row = rowIndex(r.getAttributeValue(null, "r"), row);
                if (row < from.keep) {
                    skip(r);
                    continue;
                }
                while (!toAdd.isEmpty() && toAdd.first() < row) {
                    newRow(x, toAdd.pollFirst(), patcher, mainPrefix, clashes);
                }
                toAdd.remove(row);
                SortedMap<Integer, Patch> patches = patcher == null ? null : patcher.patch(row);
                if (patches == null || patches.isEmpty()) {
                    x.startCopy(r, clashes);
                    if (r.getAttributeValue(null, "r") == null) {
                        x.attr("r", Integer.toString(row + 1));
                    }
                    x.copyChildren(r);
                    x.end();
                } else {
                    patchRow(r, x, row, patches, clashes, mainPrefix);
                }
            }
            for (int added : toAdd) {
                newRow(x, added, patcher, mainPrefix, clashes);
            }
            r.close();
        }
    }

    /** A row the sheet did not have, holding only its patched cells. */
    private static void newRow(XmlOut x, int row, RowPatcher patcher, String mainPrefix, Map<String, String> clashes) throws IOException {
        SortedMap<Integer, Patch> patches = patcher.patch(row);
        if (patches == null || patches.isEmpty()) {
            return;
        }
        String pre = mainPrefix.isEmpty() ? "" : mainPrefix + ":";
        x.start(pre + "row");
        clashes.forEach((p, uri) -> x.attr(p.isEmpty() ? "xmlns" : "xmlns:" + p, uri));
        x.attr("r", Integer.toString(row + 1));
        for (Map.Entry<Integer, Patch> p : patches.entrySet()) {
            newCell(x, pre + "c", mainPrefix, row, p.getKey(), p.getValue(), null);
        }
        x.end();
    }

    /** A row with some cells replaced or added: every cell gets its reference, so the others keep their columns. */
    private static void patchRow(XMLStreamReader r, XmlOut x, int row, SortedMap<Integer, Patch> patches,
                                 Map<String, String> clashes, String mainPrefix) throws XMLStreamException, IOException {
        x.start(qname(r));
        clashes.forEach((p, uri) -> x.attr(p.isEmpty() ? "xmlns" : "xmlns:" + p, uri));
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            x.attr(p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i));
        }
        boolean hasR = false;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String name = r.getAttributeLocalName(i);
            String prefix = r.getAttributePrefix(i);
            if ((prefix == null || prefix.isEmpty()) && name.equals("spans")) {
                continue; // an optional hint the new cells would make wrong
            }
            hasR |= (prefix == null || prefix.isEmpty()) && name.equals("r");
            x.attr(attrQname(r, i), r.getAttributeValue(i));
        }
        if (!hasR) {
            x.attr("r", Integer.toString(row + 1));
        }
        TreeMap<Integer, Patch> pending = new TreeMap<>(patches);
        int col = -1;
        String cellName = mainPrefix.isEmpty() ? "c" : mainPrefix + ":c";
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                x.copyEvent(r, ev);
                continue;
            }
            if (!r.getLocalName().equals("c")) {
                // extLst and the like come after the cells
                while (!pending.isEmpty()) {
                    var p = pending.pollFirstEntry();
                    newCell(x, cellName, mainPrefix, row, p.getKey(), p.getValue(), null);
                }
                x.copySubtree(r);
                continue;
            }
            col = columnIndex(r.getAttributeValue(null, "r"), col);
            while (!pending.isEmpty() && pending.firstKey() < col) {
                var p = pending.pollFirstEntry();
                newCell(x, cellName, mainPrefix, row, p.getKey(), p.getValue(), null);
            }
            Patch patch = pending.remove(col);
            Elem cell = Elem.capture(r);
            if (patch == null) {
                cell.setAttr("r", cellRef(row, col));
                x.write(cell);
            } else if (patch.kind == Patch.Kind.STYLE) {
                cell.setAttr("r", cellRef(row, col));
                cell.setAttr("s", Integer.toString(patch.style));
                x.write(cell);
            } else {
                newCell(x, cellName, mainPrefix, row, col, patch, cell.attr("s"));
            }
        }
        while (!pending.isEmpty()) {
            var p = pending.pollFirstEntry();
            newCell(x, cellName, mainPrefix, row, p.getKey(), p.getValue(), null);
        }
        x.end();
    }

    private static void newCell(XmlOut x, String cellName, String mainPrefix, int row, int col, Patch p, String oldStyle)
            throws IOException {
        String pre = mainPrefix.isEmpty() ? "" : mainPrefix + ":";
        x.start(cellName);
        x.attr("r", cellRef(row, col));
        String style = p.style != null ? p.style.toString() : oldStyle;
        if (style != null && !style.equals("0")) {
            x.attr("s", style);
        }
        switch (p.kind) {
            case STYLE, BLANK -> {
            }
            case TEXT -> {
                x.attr("t", "inlineStr");
                x.start(pre + "is");
                x.start(pre + "t");
                String text = xmlSafe(p.text);
                if (!text.equals(text.strip()) || text.contains("\n")) {
                    x.attr("xml:space", "preserve");
                }
                x.text(text);
                x.end();
                x.end();
            }
            case NUMBER -> {
                x.start(pre + "v");
                x.text(number(p.number));
                x.end();
            }
            case FORMULA -> {
                x.attr("t", "str");
                x.start(pre + "f");
                x.text(xmlSafe(p.formula));
                x.end();
                x.start(pre + "v");
                x.text(xmlSafe(p.text == null ? "" : p.text));
                x.end();
            }
        }
        x.end();
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** Characters XML 1.0 cannot hold written as Excel's _xHHHH_ escapes. */
    static String xmlSafe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                    || Character.isSurrogate(c) && validSurrogate(s, i);
            if (!ok) {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                b.append(String.format(Locale.ROOT, "_x%04X_", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    // --- cell references ---

    /** 0-based row of a row's r attribute, or the next after {@code previous} when it has none. */
    static int rowIndex(String r, int previous) {
        if (r == null || r.isBlank()) {
            return previous + 1;
        }
        try {
            return Integer.parseInt(r.strip()) - 1;
        } catch (NumberFormatException e) {
            return previous + 1;
        }
    }

    /** 0-based column of a cell's r attribute ("AB12"), or the next after {@code previous} when it has none. */
    static int columnIndex(String r, int previous) {
        if (r == null || r.isEmpty()) {
            return previous + 1;
        }
        int col = 0;
        int i = 0;
        for (; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return i == 0 ? previous + 1 : col - 1;
    }

    static String cellRef(int row, int col) {
        StringBuilder letters = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.append(row + 1).toString();
    }

    // --- XML plumbing ---

    private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f.createXMLStreamReader(in);
    }

    /** Passes over the current element's subtree; ends on its end tag. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String qname(XMLStreamReader r) {
        String p = r.getPrefix();
        return p == null || p.isEmpty() ? r.getLocalName() : p + ":" + r.getLocalName();
    }

    private static String attrQname(XMLStreamReader r, int i) {
        String p = r.getAttributePrefix(i);
        return p == null || p.isEmpty() ? r.getAttributeLocalName(i) : p + ":" + r.getAttributeLocalName(i);
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private Path temp(String prefix) throws IOException {
        Path p = Files.createTempFile(prefix, ".xlsx");
        temporary.add(p);
        return p;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        if (workbook != null) {
            workbook.getPackage().revert(); // the reduced copy is ours and temporary: nothing to save into it
            workbook = null;
        }
        if (original != null) {
            try {
                original.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        for (Path p : temporary) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        temporary.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** A small element captured whole: a cell, a kept row, a shared string's runs. */
    static final class Elem {
        final String prefix;
        final String local;
        final String ns;
        final List<String[]> attrs = new ArrayList<>();
        final List<Object> children = new ArrayList<>();

        Elem(String prefix, String local, String ns) {
            this.prefix = prefix == null ? "" : prefix;
            this.local = local;
            this.ns = ns;
        }

        /** The element the reader is on, with its subtree; the reader ends on its end tag. */
        static Elem capture(XMLStreamReader r) throws XMLStreamException {
            Elem e = new Elem(r.getPrefix(), r.getLocalName(), r.getNamespaceURI());
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                String p = r.getNamespacePrefix(i);
                e.attrs.add(new String[]{p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i)});
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                e.attrs.add(new String[]{attrQname(r, i), r.getAttributeValue(i)});
            }
            while (true) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> e.children.add(capture(r));
                    case XMLStreamConstants.END_ELEMENT -> {
                        return e;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> e.children.add(r.getText());
                    default -> {
                        // comments and processing instructions inside a cell are dropped
                    }
                }
            }
        }

        String attr(String qname) {
            for (String[] a : attrs) {
                if (a[0].equals(qname)) {
                    return a[1];
                }
            }
            return null;
        }

        void setAttr(String qname, String value) {
            for (String[] a : attrs) {
                if (a[0].equals(qname)) {
                    a[1] = value;
                    return;
                }
            }
            attrs.add(new String[]{qname, value});
        }

        Elem child(String local) {
            for (Object o : children) {
                if (o instanceof Elem e && e.local.equals(local)) {
                    return e;
                }
            }
            return null;
        }

        String text() {
            StringBuilder b = new StringBuilder();
            for (Object o : children) {
                if (o instanceof String s) {
                    b.append(s);
                }
            }
            return b.toString();
        }
    }

    /** A plain XML writer: what it is given, escaped so that it reads back the same (attribute line breaks too). */
    static final class XmlOut {
        private final Writer w;
        private final Deque<String> open = new ArrayDeque<>();
        private boolean inStart;

        XmlOut(OutputStream out) {
            this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        void declaration() throws IOException {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        }

        void start(String qname) throws IOException {
            closeStart();
            w.write('<');
            w.write(qname);
            open.push(qname);
            inStart = true;
        }

        void attr(String qname, String value) {
            try {
                w.write(' ');
                w.write(qname);
                w.write("=\"");
                escape(value, true);
                w.write('"');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void end() throws IOException {
            String q = open.pop();
            if (inStart) {
                w.write("/>");
                inStart = false;
            } else {
                w.write("</");
                w.write(q);
                w.write('>');
            }
        }

        void text(String s) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            closeStart();
            escape(s, false);
        }

        void flush() throws IOException {
            closeStart();
            w.flush();
        }

        private void closeStart() throws IOException {
            if (inStart) {
                w.write('>');
                inStart = false;
            }
        }

        private void escape(String s, boolean attribute) throws IOException {
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                String rep = switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '"' -> attribute ? "&quot;" : null;
                    case '\r' -> "&#13;";
                    case '\n' -> attribute ? "&#10;" : null;
                    case '\t' -> attribute ? "&#9;" : null;
                    default -> null;
                };
                if (rep != null) {
                    w.write(s, from, i - from);
                    w.write(rep);
                    from = i + 1;
                }
            }
            w.write(s, from, s.length() - from);
        }

        /** The reader's current start tag, with its namespace declarations and attributes, as it is. */
        void startCopy(XMLStreamReader r) throws IOException {
            startCopy(r, Map.of());
        }

        void startCopy(XMLStreamReader r, Map<String, String> extraNamespaces) throws IOException {
            start(qname(r));
            extraNamespaces.forEach((p, uri) -> attr(p.isEmpty() ? "xmlns" : "xmlns:" + p, uri));
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                String p = r.getNamespacePrefix(i);
                if (!extraNamespaces.containsKey(p == null ? "" : p)) {
                    attr(p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i));
                }
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                attr(attrQname(r, i), r.getAttributeValue(i));
            }
        }

        /** Everything up to the current element's end tag, whose end is written too. */
        void copySubtree(XMLStreamReader r) throws IOException, XMLStreamException {
            startCopy(r);
            copyChildren(r);
            end();
        }

        /** The current element's content, up to (not including) its end tag; the reader ends on the end tag. */
        void copyChildren(XMLStreamReader r) throws IOException, XMLStreamException {
            int depth = 1;
            while (true) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    startCopy(r);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (--depth == 0) {
                        return;
                    }
                    end();
                } else {
                    copyEvent(r, ev);
                }
            }
        }

        /** Text, comments, processing instructions and end tags, as they are. */
        void copyEvent(XMLStreamReader r, int ev) throws IOException {
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> text(r.getText());
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.COMMENT -> {
                    closeStart();
                    w.write("<!--");
                    w.write(r.getText());
                    w.write("-->");
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    closeStart();
                    w.write("<?");
                    w.write(r.getPITarget());
                    if (r.getPIData() != null && !r.getPIData().isEmpty()) {
                        w.write(' ');
                        w.write(r.getPIData());
                    }
                    w.write("?>");
                }
                default -> {
                    // START_DOCUMENT, END_DOCUMENT: the declaration is written once
                }
            }
        }

        /** A captured element; elements in the main namespace take the main namespace's prefix here. */
        void write(Elem e) throws IOException {
            start(e.prefix.isEmpty() ? e.local : e.prefix + ":" + e.local);
            for (String[] a : e.attrs) {
                attr(a[0], a[1]);
            }
            for (Object o : e.children) {
                if (o instanceof Elem c) {
                    write(c);
                } else {
                    text((String) o);
                }
            }
            end();
        }
    }
}
