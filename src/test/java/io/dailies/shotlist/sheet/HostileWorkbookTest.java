package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.platform.workbook.WorkbookGuard;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks built to hurt the server are refused before any XML parser sees them, with the reason. */
class HostileWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void aZipBombIsRefusedByItsInflationRatio() throws Exception {
        // 40 MB of spaces inside the first sheet: compresses about a thousand to one.
        Path bomb = rewriteFirstSheet(xml -> {
            int at = xml.indexOf("<sheetData");
            return xml.substring(0, at) + " ".repeat(40_000_000) + xml.substring(at);
        });
        ShotSheetFormatException e = assertThrows(ShotSheetFormatException.class, () -> ShotSheetReader.open(bomb));
        String message = e.issues().get(0).message();
        assertTrue(message.contains("zip bomb"), message);
        assertTrue(message.contains("xl/worksheets/sheet1.xml"), message);
        assertEquals(0, e.issues().get(0).row(), "a workbook-level issue");
    }

    @Test
    void anXmlExternalEntityIsRefusedBeforeParsing() throws Exception {
        Path xxe = rewriteFirstSheet(xml -> {
            String body = xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
            return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                    + body.replaceFirst("<sheetData>", "<sheetData><row r=\"1000\"><c r=\"A1000\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row>");
        });
        ShotSheetFormatException e = assertThrows(ShotSheetFormatException.class, () -> ShotSheetReader.open(xxe));
        String message = e.issues().get(0).message();
        assertTrue(message.contains("DOCTYPE") && message.contains("external entity"), message);
    }

    // --- a DOCTYPE wherever the prolog puts it, in whatever encoding ---

    @Test
    void aDoctypeAfterMoreThan4KbOfCommentsIsFound() throws Exception {
        for (int padding : new int[]{5_000, 200_000}) {
            String message = refusal(HostileWorkbooks.doctypeAfterComments(TestWorkbooks.sample(), padding));
            assertTrue(message.contains("DOCTYPE") && message.contains("external entity"), message);
            assertTrue(message.contains(HostileWorkbooks.SHEET1), message);
        }
    }

    @Test
    void aDoctypeInUtf16IsFoundWithOrWithoutAByteOrderMark() throws Exception {
        for (boolean bom : new boolean[]{true, false}) {
            for (boolean bigEndian : new boolean[]{true, false}) {
                String message = refusal(HostileWorkbooks.utf16Doctype(TestWorkbooks.sample(), bom, bigEndian));
                assertTrue(message.contains("DOCTYPE") && message.contains("UTF-16"), (bom ? "BOM " : "") + bigEndian + ": " + message);
            }
        }
    }

    @Test
    void aDoctypeInAnotherDeclaredEncodingIsFound() throws Exception {
        for (String charset : new String[]{"ISO-8859-1", "IBM037", "windows-1252"}) {
            String message = refusal(HostileWorkbooks.doctypeIn(TestWorkbooks.sample(), charset));
            assertTrue(message.contains("DOCTYPE"), charset + ": " + message);
        }
    }

    @Test
    void aDoctypeUnderAPicturesNameIsFound() throws Exception {
        String message = refusal(HostileWorkbooks.doctypeInAPicture(TestWorkbooks.sample()));
        assertTrue(message.contains("DOCTYPE") && message.contains("xl/media/image9.png"), message);
    }

    @Test
    void aPrologLongerThanTheLimitIsRefused() throws Exception {
        Path file = write(HostileWorkbooks.doctypeAfterComments(TestWorkbooks.sample(), 20_000));
        WorkbookGuard.Limits small = new WorkbookGuard.Limits(WorkbookGuard.Limits.DEFAULT.smallPartBytes(), 100,
                WorkbookGuard.Limits.DEFAULT.maxInflatedBytes(), 10_000, 10_000);
        ShotSheetFormatException e = assertThrows(ShotSheetFormatException.class, () -> WorkbookPartsCheck.require(file, small));
        assertTrue(e.issues().get(0).message().contains("before its first element"), e.getMessage());
    }

    @Test
    void aPartThatIsNotWellFormedXmlIsRefused() throws Exception {
        String message = refusal(HostileWorkbooks.rewritePart(TestWorkbooks.sample(), HostileWorkbooks.SHEET1,
                xml -> "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY".getBytes(StandardCharsets.UTF_8)));
        assertTrue(message.contains("not well-formed XML") || message.contains("DOCTYPE"), message);
        String utf7 = refusal(HostileWorkbooks.rewritePart(TestWorkbooks.sample(), HostileWorkbooks.SHEET1,
                xml -> "<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-!DOCTYPE w+AD4-<w/>".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(utf7.contains("not well-formed XML"), utf7);
    }

    // --- sizes measured while inflating, not taken from the archive ---

    @Test
    void anEntryDeclaringASmallSizeThatInflatesHugeIsRefused() throws Exception {
        byte[] liar = HostileWorkbooks.lyingAboutItsSize(TestWorkbooks.sample(), 40_000_000, 5_000);
        String message = refusal(liar);
        assertTrue(message.contains("says it holds 5,000 bytes but inflates to more"), message);
        assertTrue(message.contains("lies about its size"), message);
    }

    @Test
    void anEntryDeclaringMoreThanItHoldsIsRefused() throws Exception {
        byte[] sample = TestWorkbooks.sample();
        byte[] liar = HostileWorkbooks.setDeclaredSize(sample, HostileWorkbooks.SHEET1, 900_000, null);
        String message = refusal(liar);
        assertTrue(message.contains("says it holds 900,000 bytes but inflates to "), message);
        assertTrue(message.contains("damaged or forged"), message);
    }

    @Test
    void aBombWhoseDeclaredSizesLookHonestIsCaughtByTheRatioOfTheBytesRead() throws Exception {
        // 40 MB of blanks that compress to ~40 KB, declared as compressed to 500 KB (the archive has 600 KB of noise
        // after it to make that look possible): the declared ratio is 80:1, the real one about 1000:1.
        byte[] noise = new byte[600_000];
        new java.util.Random(11).nextBytes(noise);
        byte[] padded = HostileWorkbooks.addPart(HostileWorkbooks.padded(TestWorkbooks.sample(), 40_000_000), "xl/media/noise.bin", noise);
        long size;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(padded))) {
            ZipEntry e;
            while (!(e = in.getNextEntry()).getName().equals(HostileWorkbooks.SHEET1)) {
                in.readAllBytes();
            }
            size = in.readAllBytes().length;
        }
        assertEquals(40_000_000, size - TestWorkbooks.sample().length, 40_000_000 / 2, "the part inflates to 40 MB");
        byte[] honestLooking = HostileWorkbooks.setDeclaredSize(padded, HostileWorkbooks.SHEET1, size, 500_000L);
        String message = refusal(honestLooking);
        assertTrue(message.contains("zip bomb") && message.contains("to more than"), "measured, not declared: " + message);
    }

    @Test
    void theWholeWorkbookIsBoundedOnceInflated() throws Exception {
        Path file = write(HostileWorkbooks.padded(TestWorkbooks.sample(), 3_000_000));
        WorkbookGuard.Limits tight = new WorkbookGuard.Limits(WorkbookGuard.Limits.DEFAULT.smallPartBytes(), 100_000,
                2_000_000, 10_000, 1 << 20);
        ShotSheetFormatException e = assertThrows(ShotSheetFormatException.class, () -> WorkbookPartsCheck.require(file, tight));
        assertTrue(e.issues().get(0).message().contains("more than 2,000,000 bytes"), e.getMessage());
        WorkbookGuard.Limits fewParts = new WorkbookGuard.Limits(10_000_000, 100, 1L << 30, 5, 1 << 20);
        ShotSheetFormatException parts = assertThrows(ShotSheetFormatException.class, () -> WorkbookPartsCheck.require(file, fewParts));
        assertTrue(parts.issues().get(0).message().contains("more than 5 parts"), parts.getMessage());
    }

    @Test
    void aPartThatAppearsTwiceIsRefused() throws Exception {
        String message = refusal(HostileWorkbooks.sheetTwice(TestWorkbooks.sample()));
        assertTrue(message.contains("appears twice"), message);
    }

    @Test
    void aDamagedPartIsRefusedByItsChecksum() throws Exception {
        // docProps/app.xml stored uncompressed, with its right checksum; then one letter of it changed in the archive
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(TestWorkbooks.sample()));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getName().equals("docProps/app.xml")) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(bytes);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(bytes.length);
                    copy.setCompressedSize(bytes.length);
                    copy.setCrc(crc.getValue());
                }
                z.putNextEntry(copy);
                z.write(bytes);
                z.closeEntry();
            }
        }
        byte[] zip = out.toByteArray();
        byte[] word = "Apache POI</Application>".getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = 0; i + word.length <= zip.length && at < 0; i++) {
            if (java.util.Arrays.equals(zip, i, i + word.length, word, 0, word.length)) {
                at = i;
            }
        }
        assertTrue(at > 0, "the stored part's text is in the archive");
        zip[at] = 'a';
        String message = refusal(zip);
        assertTrue(message.contains("checksum") && message.contains("docProps/app.xml"), message);
    }

    @Test
    void notAZipArchiveIsRefusedByTheGuard() throws Exception {
        Path file = write("just text, no zip".getBytes(StandardCharsets.UTF_8));
        WorkbookGuard.Refused e = assertThrows(WorkbookGuard.Refused.class, () -> WorkbookGuard.check(file));
        assertTrue(e.getMessage().contains("zip archive"), e.getMessage());
    }

    // --- every way in goes through the guard ---

    @Test
    void everyReaderOfAnUploadedWorkbookRefusesAHostileOne() throws Exception {
        Path hostile = write(HostileWorkbooks.doctypeAfterComments(TestWorkbooks.sample(), 8_000));
        assertGuarded(assertThrows(ShotSheetFormatException.class, () -> ShotSheetReader.open(hostile)));
        assertGuarded(assertThrows(ShotSheetFormatException.class, () -> ProjectSheets.read(hostile)));
        assertGuarded(assertThrows(ShotSheetFormatException.class, () -> SafeWorkbook.forReading(hostile)));
        assertGuarded(assertThrows(ShotSheetFormatException.class, () -> SafeWorkbook.inMemory(hostile)));
        for (long inMemoryBytes : new long[]{SafeWorkbook.IN_MEMORY_BYTES, 0}) {
            assertGuarded(assertThrows(ShotSheetFormatException.class, () -> AnnotatedWorkbook.annotate(hostile,
                    List.of(new CellIssue("Shots", 4, "K", "Seconds", "four", "Seconds must be a whole number")), inMemoryBytes)));
        }
        assertGuarded(assertThrows(ShotSheetFormatException.class, () -> StreamedWorkbook.open(hostile, new StreamedWorkbook.Plan())));
    }

    private static void assertGuarded(ShotSheetFormatException e) {
        String message = e.issues().get(0).message();
        assertTrue(message.contains("DOCTYPE") && message.contains("is not opened"), message);
    }

    private String refusal(byte[] workbook) throws Exception {
        Path file = write(workbook);
        ShotSheetFormatException e = assertThrows(ShotSheetFormatException.class, () -> SafeWorkbook.check(file));
        assertEquals(0, e.issues().get(0).row(), "a workbook-level issue");
        // the import's reader says the same
        ShotSheetFormatException again = assertThrows(ShotSheetFormatException.class, () -> ShotSheetReader.open(file));
        assertEquals(e.issues().get(0).message(), again.issues().get(0).message());
        return e.issues().get(0).message();
    }

    private int written;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("hostile-" + written++ + ".xlsx"), bytes);
    }

    @Test
    void anOrdinaryWorkbookPassesTheCheck() throws Exception {
        Path sample = dir.resolve("sample.xlsx");
        Files.write(sample, TestWorkbooks.sample());
        WorkbookGuard.Inspection seen = WorkbookPartsCheck.require(sample);
        assertTrue(seen.parts() > 5 && seen.inflatedBytes() > seen.compressedBytes(), seen.toString());
        try (ShotSheetReader reader = ShotSheetReader.open(sample)) {
            assertTrue(reader.hasNext());
        }
    }

    private Path rewriteFirstSheet(UnaryOperator<String> change) throws IOException {
        Path out = dir.resolve("hostile.xlsx");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(TestWorkbooks.sample()));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }
}
