package io.dailies.shotlist.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks built to hurt whoever opens them, made from any workbook with java.util.zip: each one is what an
 * attacker would upload to get past a check that reads only a part's first bytes, decodes it as UTF-8 or trusts
 * the sizes the zip archive declares. Shared by the unit tests and the tests on the real server.
 */
public final class HostileWorkbooks {

    /** The first sheet's part in workbooks POI writes. */
    public static final String SHEET1 = "xl/worksheets/sheet1.xml";
    /** The entity every DOCTYPE here declares: a file on the server. */
    public static final String ENTITY = "<!ENTITY secret SYSTEM \"file:///etc/passwd\">";

    private HostileWorkbooks() {
    }

    /** {@code workbook} with one part's bytes changed. */
    public static byte[] rewritePart(byte[] workbook, String part, UnaryOperator<byte[]> change) {
        Map<String, byte[]> parts = parts(workbook);
        if (!parts.containsKey(part)) {
            throw new IllegalArgumentException("no part " + part);
        }
        parts.put(part, change.apply(parts.get(part)));
        return zip(parts);
    }

    /** {@code workbook} with one more part, last. */
    public static byte[] addPart(byte[] workbook, String part, byte[] content) {
        Map<String, byte[]> parts = parts(workbook);
        parts.put(part, content);
        return zip(parts);
    }

    /** The parts of a workbook in archive order, read by their central directory (whatever wrote them). */
    public static Map<String, byte[]> parts(byte[] workbook) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try {
            Path tmp = Files.createTempFile("hostile-", ".zip");
            try {
                Files.write(tmp, workbook);
                try (ZipFile zip = new ZipFile(tmp.toFile())) {
                    for (ZipEntry e : Collections.list(zip.entries())) {
                        try (InputStream in = zip.getInputStream(e)) {
                            parts.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** A zip archive of the parts, deflated, in order. */
    public static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first sheet's XML as text (POI writes UTF-8), after its XML declaration. */
    private static String body(byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        return s.startsWith("<?xml") ? s.substring(s.indexOf("?>") + 2) : s;
    }

    /** A DOCTYPE declaring {@link #ENTITY} and a cell that uses it, in the sheet's own words. */
    private static String withEntity(String body, int row) {
        return body.replaceFirst("<sheetData>", "<sheetData><row r=\"" + row + "\"><c r=\"A" + row
                + "\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row>");
    }

    /**
     * The first sheet declaring an external entity after {@code padding} bytes of comments, processing instructions
     * and white space: past the 4 KB a check that reads only a part's start would look at.
     */
    public static byte[] doctypeAfterComments(byte[] workbook, int padding) {
        return rewritePart(workbook, SHEET1, xml -> {
            StringBuilder prolog = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
            int i = 0;
            while (prolog.length() < padding) {
                prolog.append("<!-- ").append("Saved by the planning tool, revision ").append(i++).append(". ")
                        .append("x".repeat(200)).append(" -->\n");
                if (i % 10 == 0) {
                    prolog.append("<?planning-tool revision=\"").append(i).append("\"?>\n").append(" ".repeat(100)).append('\n');
                }
            }
            prolog.append("<!DOCTYPE worksheet [").append(ENTITY).append("]>");
            return (prolog + withEntity(body(xml), 900)).getBytes(StandardCharsets.UTF_8);
        });
    }

    /**
     * The first sheet in UTF-16 (declared in its XML declaration, with or without a byte-order mark) declaring an
     * external entity: decoded as UTF-8, its bytes never read "&lt;!DOCTYPE".
     */
    public static byte[] utf16Doctype(byte[] workbook, boolean byteOrderMark, boolean bigEndian) {
        return rewritePart(workbook, SHEET1, xml -> {
            String text = "<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?>"
                    + "<!DOCTYPE worksheet [" + ENTITY + "]>" + withEntity(body(xml), 900);
            Charset charset = bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            byte[] encoded = text.getBytes(charset);
            if (!byteOrderMark) {
                return encoded;
            }
            byte[] bom = bigEndian ? new byte[]{(byte) 0xFE, (byte) 0xFF} : new byte[]{(byte) 0xFF, (byte) 0xFE};
            byte[] out = new byte[bom.length + encoded.length];
            System.arraycopy(bom, 0, out, 0, bom.length);
            System.arraycopy(encoded, 0, out, bom.length, encoded.length);
            return out;
        });
    }

    /** The first sheet in any charset Java knows, with that encoding declared and a DOCTYPE. */
    public static byte[] doctypeIn(byte[] workbook, String charset) {
        return rewritePart(workbook, SHEET1, xml -> ("<?xml version=\"1.0\" encoding=\"" + charset + "\"?>"
                + "<!DOCTYPE worksheet [" + ENTITY + "]>" + withEntity(body(xml), 900)).getBytes(Charset.forName(charset)));
    }

    /** The first sheet with {@code spaces} blank bytes before its rows: compresses about a thousand to one. */
    public static byte[] padded(byte[] workbook, int spaces) {
        return rewritePart(workbook, SHEET1, xml -> {
            String s = new String(xml, StandardCharsets.UTF_8);
            int at = s.indexOf("<sheetData");
            return (s.substring(0, at) + " ".repeat(spaces) + s.substring(at)).getBytes(StandardCharsets.UTF_8);
        });
    }

    /**
     * The first sheet padded with {@code spaces} blanks whose central directory record says it holds only
     * {@code declaredSize} bytes: a zip bomb that a check trusting declared sizes lets through.
     */
    public static byte[] lyingAboutItsSize(byte[] workbook, int spaces, long declaredSize) {
        return setDeclaredSize(padded(workbook, spaces), SHEET1, declaredSize, null);
    }

    /**
     * {@code part}'s uncompressed size (and, when given, its compressed size) changed in the central directory and in
     * the data descriptor, the two places a zip reader takes it from; its bytes and checksum stay as they are.
     */
    public static byte[] setDeclaredSize(byte[] zip, String part, long size, Long compressed) {
        byte[] out = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = part.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (int i = 0; i + 46 <= out.length; i++) {
            int sig = b.getInt(i);
            if (sig == 0x02014b50 && matches(out, i + 46, name, b.getShort(i + 28) & 0xFFFF)) {
                b.putInt(i + 24, (int) size);
                if (compressed != null) {
                    b.putInt(i + 20, compressed.intValue());
                }
                found = true;
            } else if (sig == 0x04034b50 && matches(out, i + 30, name, b.getShort(i + 26) & 0xFFFF)) {
                // java.util.zip writes deflated entries with a data descriptor after the data: patch it too
                int realPacked = -1;
                for (int j = i + 30; j + 16 <= out.length; j++) {
                    if (b.getInt(j) == 0x08074b50) {
                        realPacked = j;
                        b.putInt(j + 12, (int) size);
                        if (compressed != null) {
                            b.putInt(j + 8, compressed.intValue());
                        }
                        break;
                    }
                }
                if (realPacked < 0) {
                    b.putInt(i + 22, (int) size);
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no part " + part);
        }
        return out;
    }

    private static boolean matches(byte[] zip, int at, byte[] name, int length) {
        if (length != name.length || at + length > zip.length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (zip[at + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A workbook holding the first sheet twice under the same name, the second one declaring an external entity: a
     * reader that takes the first sees a clean sheet, one that takes the last gets the entity.
     */
    public static byte[] sheetTwice(byte[] workbook) {
        String twin = SHEET1.substring(0, SHEET1.length() - 1) + "_";
        byte[] hostile = rewritePart(workbook, SHEET1, xml -> ("<?xml version=\"1.0\"?><!DOCTYPE worksheet [" + ENTITY + "]>"
                + withEntity(body(xml), 900)).getBytes(StandardCharsets.UTF_8));
        byte[] extra = addPart(workbook, twin, parts(hostile).get(SHEET1));
        // rename the twin in its local header and its central directory record: same length, same place
        byte[] from = twin.getBytes(StandardCharsets.UTF_8);
        byte[] to = SHEET1.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= extra.length; i++) {
            if (matches(extra, i, from, from.length)) {
                System.arraycopy(to, 0, extra, i, to.length);
            }
        }
        return extra;
    }

    /** An XML part with a DOCTYPE under a picture's name: the guard goes by content, not by name. */
    public static byte[] doctypeInAPicture(byte[] workbook) {
        return addPart(workbook, "xl/media/image9.png", ("<?xml version=\"1.0\"?><!DOCTYPE svg [" + ENTITY + "]><svg>&secret;</svg>")
                .getBytes(StandardCharsets.UTF_8));
    }
}
