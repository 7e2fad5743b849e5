package io.dailies.platform.workbook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * The one gate every uploaded .xlsx passes before anything parses it: the shot list import, the annotated copy of
 * a rejected one, the write-back into the producer's workbook and the reviewed report (each through its own
 * component's entry point, which all come here). It inflates every part of the zip archive once, counting the
 * bytes as they come out, and refuses the workbook, with the reason, when:
 * <ul>
 * <li>a part inflates far beyond its compressed bytes (a zip bomb), measured on the bytes actually read and
 * inflated, not on the sizes the archive declares;</li>
 * <li>a part inflates to more or fewer bytes than the archive declares for it, or its checksum does not match
 * (an entry that lies about its size is how a bomb slips past checks that trust the declared sizes);</li>
 * <li>all parts together inflate beyond {@link Limits#maxInflatedBytes()}, or there are more than
 * {@link Limits#maxParts()} of them, or one name appears twice, or a part uses a compression Excel never writes;</li>
 * <li>an XML part declares a DOCTYPE (and with it entities: how XML external entity and entity expansion
 * attacks start). Each part that is XML by its name or by its first bytes is read by a StAX parser with DTD
 * support and external entities off, which decodes it as the XML declaration or byte-order mark says (UTF-8,
 * UTF-16 with or without a BOM, EBCDIC, ...) and reports a DOCTYPE as an event wherever it sits in the prolog,
 * after any amount of comments, processing instructions or white space up to {@link Limits#maxPrologBytes()}.
 * A part that looks like XML but whose prolog does not parse is refused too: what cannot be checked is not opened.</li>
 * </ul>
 * Excel never writes any of these. Plain Java (commons-compress, as POI itself reads the archive, and the JDK's
 * StAX): no component's classes, so every component can use it.
 */
public final class WorkbookGuard {

    /** How far the guard lets a workbook go. */
    public record Limits(long smallPartBytes, long maxRatio, long maxInflatedBytes, int maxParts, int maxPrologBytes) {

        /**
         * Parts under 10 MB inflate harmlessly whatever their ratio; above that, at most 100:1 (ordinary sheets
         * compress 5-20:1); 1 GB inflated in all (a 100,000-row shot list is about 80 MB); 10,000 parts; 1 MB of
         * prolog before an XML part's first element.
         */
        public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 100, 1024L * 1024 * 1024, 10_000, 1024 * 1024);
    }

    /** What the guard saw of a workbook it let through. */
    public record Inspection(int parts, long inflatedBytes, long compressedBytes) {
    }

    /** A workbook the guard refused; the message says why and what to do, for the person who uploaded it. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The advice every refusal ends with. */
    public static final String SAVE_AGAIN = "Open the workbook in Excel, save it as an Excel Workbook (.xlsx) and upload that file";

    private static final int ZIP_END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int CENTRAL_HEADER = 0x02014b50;

    private WorkbookGuard() {
    }

    /** {@link #check(Path, Limits)} with {@link Limits#DEFAULT}. */
    public static Inspection check(Path xlsx) throws IOException, Refused {
        return check(xlsx, Limits.DEFAULT);
    }

    /**
     * Reads every part of the archive once, inflating it, and refuses the workbook at the first thing no real
     * workbook does. Nothing is kept in memory beyond one part's prolog.
     *
     * @throws Refused             with the reason, for the uploader
     * @throws NoSuchFileException when there is no such file (the system's problem, not the uploader's)
     */
    public static Inspection check(Path xlsx, Limits limits) throws IOException, Refused {
        if (!Files.isRegularFile(xlsx)) {
            throw new NoSuchFileException(xlsx.toString());
        }
        countCentralDirectory(xlsx, limits);
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(xlsx).get();
        } catch (IOException | RuntimeException e) {
            throw refused("The file is not an .xlsx workbook: it could not be read as a zip archive (" + reason(e) + "). "
                    + SAVE_AGAIN);
        }
        try (zip) {
            Set<String> names = new HashSet<>();
            long total = 0;
            long packedTotal = 0;
            int parts = 0;
            for (ZipArchiveEntry part : Collections.list(zip.getEntries())) {
                parts++;
                if (parts > limits.maxParts()) {
                    throw tooManyParts(parts, limits);
                }
                String name = part.getName();
                if (!names.add(name)) {
                    throw refused(String.format(Locale.ROOT, "The workbook part '%s' appears twice in the zip archive, which Excel "
                            + "never writes (two readers could each see a different one): it is not opened. %s", name, SAVE_AGAIN));
                }
                if (part.getMethod() != ZipEntry.STORED && part.getMethod() != ZipEntry.DEFLATED) {
                    throw refused(String.format(Locale.ROOT, "The workbook part '%s' is compressed with method %d, which Excel never "
                            + "uses (only stored and deflated): it is not opened. %s", name, part.getMethod(), SAVE_AGAIN));
                }
                if (!zip.canReadEntryData(part)) {
                    throw refused(String.format(Locale.ROOT, "The workbook part '%s' is encrypted or uses a zip feature Excel never "
                            + "writes: it is not opened. %s", name, SAVE_AGAIN));
                }
                long size = part.getSize();
                long packed = part.getCompressedSize();
                if (size > limits.smallPartBytes() && packed > 0 && size / packed > limits.maxRatio()) {
                    throw bomb(name, packed, size, "");
                }
                if (size > limits.maxInflatedBytes() - total) {
                    throw tooBig(limits, "declares");
                }
                Meter meter;
                try (InputStream raw = zip.getInputStream(part)) {
                    meter = new Meter(raw, name, size, packed, total, limits);
                    inspect(meter, name, limits);
                } catch (PartRefused e) {
                    throw e.refused;
                } catch (IOException | RuntimeException e) {
                    if (meter(e) != null) {
                        throw meter(e);
                    }
                    throw refused(String.format(Locale.ROOT, "The workbook part '%s' could not be inflated (%s): the zip archive "
                            + "is damaged, so the workbook is not opened. %s", name, reason(e), SAVE_AGAIN));
                }
                meter.finish(part.getCrc());
                total += meter.count;
                packedTotal += meter.compressed();
            }
            return new Inspection(parts, total, packedTotal);
        }
    }

    /** Reads one part through the meter: its prolog, when it is XML, then every remaining byte. */
    private static void inspect(Meter meter, String name, Limits limits) throws IOException, Refused {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(meter, 8192);
        in.mark(8);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (looksLikeXml(name, head)) {
            Prolog prolog = new Prolog(in, limits.maxPrologBytes());
            scanProlog(prolog, name, meter, limits);
            prolog.release();
            prolog.transferTo(OutputStream.nullOutputStream());
        } else {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /**
     * Whether a part is XML: by its name (.xml, .rels, .vml) or by its first bytes, which an XML document starts
     * with a byte-order mark, white space or '&lt;' in one of the encodings XML allows (Appendix F of the XML spec).
     * Pictures, printer settings and other binaries start otherwise.
     */
    static boolean looksLikeXml(String name, byte[] head) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml")) {
            return true;
        }
        if (head.length == 0) {
            return false;
        }
        int b0 = head[0] & 0xFF;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        int b2 = head.length > 2 ? head[2] & 0xFF : -1;
        int b3 = head.length > 3 ? head[3] & 0xFF : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF || b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
            return true; // byte-order marks: UTF-8, UTF-16BE, UTF-16LE (and UTF-32LE)
        }
        if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
            return true; // "<?xm" in EBCDIC
        }
        if (isXmlStart(b0)) {
            return true; // UTF-8 or another ASCII-compatible encoding, UTF-16LE and UCS-4LE start the same way
        }
        if (b0 == 0x00 && (isXmlStart(b1) || b1 == 0x00 && (b2 == 0x00 && isXmlStart(b3) || b2 == 0xFE && b3 == 0xFF))) {
            return true; // UTF-16BE, UCS-4BE
        }
        return false;
    }

    private static boolean isXmlStart(int b) {
        return b == '<' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static void scanProlog(Prolog in, String name, Meter meter, Limits limits) throws Refused, IOException {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(in);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION
                        || event == XMLStreamConstants.NOTATION_DECLARATION || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    String encoding = reader.getEncoding();
                    boolean plain = encoding == null || encoding.equalsIgnoreCase("UTF-8");
                    throw refused(String.format(Locale.ROOT, "The workbook part '%s' declares an XML DOCTYPE or entity%s, which Excel "
                                    + "never writes and which can make a parser read other files (an XML external entity): it is not "
                                    + "opened. %s", name, plain ? "" : " (the part is encoded in " + encoding + ")", SAVE_AGAIN));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return; // the prolog is over: a DOCTYPE can no longer come
                }
            }
            throw notXml(name, "no root element");
        } catch (XMLStreamException | RuntimeException e) {
            if (meter(e) != null) {
                throw meter(e);
            }
            if (in.exceeded) {
                throw refused(String.format(Locale.ROOT, "The workbook part '%s' has more than %,d bytes of comments, processing "
                        + "instructions or white space before its first element, which Excel never writes: it is not opened. %s",
                        name, limits.maxPrologBytes(), SAVE_AGAIN));
            }
            throw notXml(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines()
                    .filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(e.getMessage()).replaceFirst("^Message: ", ""));
        } finally {
            if (reader != null) {
                try {
                    reader.close(); // does not close the stream beneath
                } catch (XMLStreamException e) {
                    // nothing to release
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        // The JDK's own parser, whatever the server provides: its behaviour with DTD support off is what is tested.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /**
     * Counts the central directory's records without building an entry for each, so that an archive of a
     * million empty parts is refused before a zip library allocates a million entries. Where the directory cannot
     * be found this way, the zip library says what is wrong.
     */
    private static void countCentralDirectory(Path xlsx, Limits limits) throws IOException, Refused {
        try (RandomAccessFile file = new RandomAccessFile(xlsx.toFile(), "r"); FileChannel channel = file.getChannel()) {
            long length = channel.size();
            int tail = (int) Math.min(length, 22 + 65_535);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(end, length - tail);
            int at = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == ZIP_END) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return;
            }
            long offset = end.getInt(at + 16) & 0xFFFFFFFFL;
            long endPosition = length - tail + at;
            if (offset == 0xFFFFFFFFL && endPosition >= 20) {
                ByteBuffer locator = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
                channel.read(locator, endPosition - 20);
                if (locator.getInt(0) != ZIP64_LOCATOR) {
                    return;
                }
                long zip64End = locator.getLong(8);
                ByteBuffer record = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
                if (zip64End < 0 || zip64End + 56 > length || channel.read(record, zip64End) < 56 || record.getInt(0) != ZIP64_END) {
                    return;
                }
                offset = record.getLong(48);
            }
            if (offset < 0 || offset >= length) {
                return;
            }
            ByteBuffer header = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            int count = 0;
            long position = offset;
            while (position + 46 <= length) {
                header.clear();
                if (channel.read(header, position) < 46 || header.getInt(0) != CENTRAL_HEADER) {
                    break;
                }
                count++;
                if (count > limits.maxParts()) {
                    throw tooManyParts(count, limits);
                }
                position += 46L + (header.getShort(28) & 0xFFFF) + (header.getShort(30) & 0xFFFF) + (header.getShort(32) & 0xFFFF);
            }
        }
    }

    // --- refusals ---

    private static Refused refused(String message) {
        return new Refused(message);
    }

    private static Refused bomb(String name, long packed, long size, String more) {
        return refused(String.format(Locale.ROOT, "The workbook part '%s' expands from %,d bytes to %s%,d bytes (%s%,d:1), far beyond "
                        + "any real spreadsheet: it looks like a zip bomb and is not opened. %s", name, packed, more, size, more,
                size / Math.max(1, packed), SAVE_AGAIN));
    }

    private static Refused tooBig(Limits limits, String how) {
        return refused(String.format(Locale.ROOT, "The workbook's parts %s more than %,d bytes, far beyond any workbook Dailies "
                + "reads (a 100,000-row shot list is under 100 MB): it is not opened. %s", how.equals("declares")
                ? "declare" : "inflate to", limits.maxInflatedBytes(), SAVE_AGAIN));
    }

    private static Refused tooManyParts(int parts, Limits limits) {
        return refused(String.format(Locale.ROOT, "The workbook has more than %,d parts in its zip archive (a real workbook has a few "
                + "dozen): it is not opened. %s", limits.maxParts(), SAVE_AGAIN));
    }

    private static Refused notXml(String name, String why) {
        return refused(String.format(Locale.ROOT, "The workbook part '%s' is not well-formed XML (%s), so it cannot be checked for "
                + "XML entities: it is not opened. %s", name, why, SAVE_AGAIN));
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            m = e.getCause().getMessage();
        }
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** The meter's refusal inside whatever a parser wrapped it in; null when there is none. */
    private static Refused meter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PartRefused p) {
                return p.refused;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() instanceof PartRefused p) {
                return p.refused;
            }
        }
        return null;
    }

    /** A refusal found while a part was being read, passed through the reader's IOException. */
    private static final class PartRefused extends IOException {
        private static final long serialVersionUID = 1L;
        final transient Refused refused;

        PartRefused(Refused refused) {
            super(refused.getMessage());
            this.refused = refused;
        }
    }

    /**
     * Counts the bytes a part inflates to as they come out, with their checksum, and stops the read at the
     * first byte beyond what the archive declared, beyond the total, or beyond the ratio on the compressed bytes
     * actually consumed.
     */
    private static final class Meter extends FilterInputStream {
        private final String name;
        private final long declared;
        private final long declaredPacked;
        private final long before;
        private final Limits limits;
        private final CRC32 crc = new CRC32();
        long count;

        Meter(InputStream in, String name, long declared, long declaredPacked, long before, Limits limits) {
            super(in);
            this.name = name;
            this.declared = declared;
            this.declaredPacked = declaredPacked;
            this.before = before;
            this.limits = limits;
        }

        long compressed() {
            return in instanceof InputStreamStatistics s ? s.getCompressedCount() : Math.max(0, declaredPacked);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                crc.update(b, off, n);
                count += n;
                if (declared >= 0 && count > declared) {
                    throw new PartRefused(refused(String.format(Locale.ROOT, "The workbook part '%s' says it holds %,d bytes but "
                            + "inflates to more than that: a zip entry that lies about its size is how a zip bomb gets past size "
                            + "checks, so the workbook is not opened. %s", name, declared, SAVE_AGAIN)));
                }
                if (before + count > limits.maxInflatedBytes()) {
                    throw new PartRefused(tooBig(limits, "inflates"));
                }
                long packed = compressed();
                if (count > limits.smallPartBytes() && count / Math.max(1, packed) > limits.maxRatio()) {
                    throw new PartRefused(bomb(name, packed, count, "more than "));
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** After the last byte: the part held exactly what the archive declared, with the declared checksum. */
        void finish(long declaredCrc) throws Refused {
            if (declared >= 0 && count != declared) {
                throw refused(String.format(Locale.ROOT, "The workbook part '%s' says it holds %,d bytes but inflates to %,d: the zip "
                        + "archive is damaged or forged, so the workbook is not opened. %s", name, declared, count, SAVE_AGAIN));
            }
            if (declaredCrc >= 0 && crc.getValue() != declaredCrc) {
                throw refused(String.format(Locale.ROOT, "The workbook part '%s' is damaged: its content does not match its checksum, "
                        + "so the workbook is not opened. %s", name, SAVE_AGAIN));
            }
        }
    }

    /**
     * The bytes a part's XML parser may read while it is in the prolog: past {@link Limits#maxPrologBytes()} the read
     * fails (and the part is refused) until {@link #release()}.
     */
    private static final class Prolog extends FilterInputStream {
        private final long limit;
        private long read;
        private boolean released;
        boolean exceeded;

        Prolog(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        void release() {
            released = true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!released && read >= limit) {
                exceeded = true;
                throw new IOException("more than " + limit + " bytes before the first element");
            }
            int n = in.read(b, off, released ? len : (int) Math.min(len, limit - read));
            if (n > 0) {
                read += n;
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the part's stream is closed by whoever opened it
        }
    }
}
