package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void anOrdinaryWorkbookPassesTheCheck() throws Exception {
        Path sample = dir.resolve("sample.xlsx");
        Files.write(sample, TestWorkbooks.sample());
        WorkbookPartsCheck.require(sample);
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
