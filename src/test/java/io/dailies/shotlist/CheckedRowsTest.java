package io.dailies.shotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dailies.core.CompiledPrompt;
import io.dailies.prompt.LintFinding;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptSection;
import io.dailies.prompt.Severity;
import io.dailies.shotlist.sheet.ShotRowData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckedRowsTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldOfEveryRowComesBackAsItWasChecked() throws Exception {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("Notes", "é ✓ 🎬");
        extras.put("Owner", "");
        ShotRowData first = new ShotRowData("Castle", "SC1-01", "x".repeat(40_000), "cam", "set", "light", "style", "QUEEN: Now.",
                "Wide", "wind", "bell at 00:02", "heavy", "Queen", "lens: 85mm", "refs/a.png", "sora-2", "1280x720", 8, 5, extras, null);
        ShotRowData second = new ShotRowData("Rooftop", "RT-02", "a", "", "", "", "", "", "", "", "", "", "", "", "",
                "sora-2-pro", "1920x1080", 12, 3, Map.of(), "Rooftop");
        Path file = CheckedRows.of(dir.resolve("upload.xlsx").toString());
        try (CheckedRows.Writer w = new CheckedRows.Writer(file)) {
            w.write(first);
            w.write(second);
        }
        try (CheckedRows.Reader r = new CheckedRows.Reader(file)) {
            assertEquals(first, r.next().row());
            assertEquals(second, r.next().row());
            assertNull(r.next());
        }
    }

    @Test
    void aPromptCompiledByTheValidationPassComesBackWithItsRow() throws Exception {
        ShotRowData row = new ShotRowData("Castle", "SC1-01", "a", "", "", "", "", "", "sora-2", "1280x720", 4, 2, Map.of());
        LintReport report = new LintReport("Castle-SC1-01", new CompiledPrompt("The queen walks. ✓ 🎬", "ab12", "7"), List.of(
                new LintFinding("CAMERA-MULTIPLE-MOVES", Severity.ERROR, PromptSection.CAMERA, "Two moves.", "Keep one."),
                new LintFinding("STYLE-VAGUE", Severity.WARNING, null, "Vague.", null)));
        Path file = CheckedRows.of(dir.resolve("upload.xlsx").toString());
        try (CheckedRows.Writer w = new CheckedRows.Writer(file)) {
            w.write(row, report);
            w.write(row);
        }
        try (CheckedRows.Reader r = new CheckedRows.Reader(file)) {
            assertEquals(new CheckedRows.Checked(row, report), r.next());
            assertEquals(new CheckedRows.Checked(row, null), r.next());
            assertNull(r.next());
        }
    }

    @Test
    void aFileCutShortOrGoneSaysWhatToDo() throws Exception {
        Path file = CheckedRows.of(dir.resolve("upload.xlsx").toString());
        try (CheckedRows.Writer w = new CheckedRows.Writer(file)) {
            w.write(new ShotRowData("Castle", "SC1-01", "a", "", "", "", "", "", "sora-2", "1280x720", 4, 2, Map.of()));
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        try (CheckedRows.Reader r = new CheckedRows.Reader(file)) {
            assertThrows(IOException.class, r::next);
        }
        Files.delete(file);
        IOException gone = assertThrows(IOException.class, () -> new CheckedRows.Reader(file));
        assertEquals("The checked rows of this import are gone (upload.xlsx.checked): upload the workbook again", gone.getMessage());
    }
}
