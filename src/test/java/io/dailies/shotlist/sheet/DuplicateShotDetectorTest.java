package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateShotDetectorTest {

    @TempDir
    Path dir;

    @Test
    void aRepeatedShotPointsToItsFirstRow() {
        DuplicateShotDetector d = new DuplicateShotDetector();
        assertEquals(Optional.empty(), d.check(7, "Castle", "SC1-03"));
        CellIssue issue = d.check(12, " castle ", "sc1-03 ").orElseThrow();
        assertEquals(12, issue.row());
        assertEquals("Shot", issue.field());
        assertTrue(issue.message().startsWith("Shot 'sc1-03' of sequence 'castle' already appears in row 7"), issue.message());
    }

    @Test
    void theSameCodeInAnotherSequenceIsFine() {
        DuplicateShotDetector d = new DuplicateShotDetector();
        d.check(2, "Castle", "SC1-01");
        assertEquals(Optional.empty(), d.check(3, "Kitchen", "SC1-01"));
        assertEquals(Optional.empty(), d.check(4, "Castle", "SC1-02"));
        assertEquals(3, d.size());
    }

    @Test
    void blankKeysAreLeftToTheValidator() {
        DuplicateShotDetector d = new DuplicateShotDetector();
        assertEquals(Optional.empty(), d.check(2, "Castle", ""));
        assertEquals(Optional.empty(), d.check(3, "Castle", " "));
        assertEquals(0, d.size());
    }

    @Test
    void replayingTheSameRowAfterARestartIsNotADuplicate() {
        DuplicateShotDetector d = new DuplicateShotDetector();
        d.check(5, "Castle", "SC1-01");
        assertEquals(Optional.empty(), d.check(5, "Castle", "SC1-01"));
    }

    @Test
    void findsTheDuplicateInTheWorkbookWithItsColumnLetter() throws Exception {
        Path file = TestWorkbooks.write(dir, "dup.xlsx", TestWorkbooks.duplicateShot());
        List<CellIssue> issues = new ArrayList<>();
        try (ShotSheetReader reader = ShotSheetReader.open(file)) {
            DuplicateShotDetector d = new DuplicateShotDetector(reader.layout());
            reader.forEachRemaining(r -> d.check(r).ifPresent(issues::add));
        }
        assertEquals(1, issues.size(), issues::toString);
        CellIssue issue = issues.get(0);
        assertEquals(TestWorkbooks.DUPLICATE_REPEAT_ROW, issue.row());
        assertEquals("B", issue.column());
        assertTrue(issue.message().contains("already appears in row " + TestWorkbooks.DUPLICATE_FIRST_ROW), issue.message());
    }

    @Test
    void checksValidatedShotsToo() {
        DuplicateShotDetector d = new DuplicateShotDetector();
        ShotRowData a = new ShotRowData("Castle", "SC1-01", "x", "", "", "", "", "", "", "", "", "", "", "", "", "sora-2", "1280x720", 4, 2,
                java.util.Map.of());
        ShotRowData b = new ShotRowData("Castle", "SC1-01", "y", "", "", "", "", "", "", "", "", "", "", "", "", "sora-2", "1280x720", 4, 9,
                java.util.Map.of());
        assertEquals(Optional.empty(), d.check(a));
        assertEquals("Shot 'SC1-01' of sequence 'Castle' already appears in row 2: give this shot its own code, or delete the repeated row",
                d.check(b).orElseThrow().message());
    }
}
