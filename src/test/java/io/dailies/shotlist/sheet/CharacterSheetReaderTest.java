package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.prompt.CharacterAnchor;
import io.dailies.prompt.CharacterBible;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharacterSheetReaderTest {

    @TempDir
    Path dir;

    static final String QUEEN = "a woman in her sixties with a silver braided crown, a burgundy velvet gown and a jade ring";
    static final String REYES = "a woman in her forties with a gray wool overcoat, a loosened navy tie and a silver wristwatch";

    private CharacterSheetReader.Result read(byte[] xlsx) throws Exception {
        return CharacterSheetReader.read(TestWorkbooks.write(dir, "c-" + System.nanoTime() + ".xlsx", xlsx));
    }

    private static TestWorkbooks.Book shotsAnd(String sheet) {
        return TestWorkbooks.book().row((Object[]) TestWorkbooks.HEADERS).row(TestWorkbooks.shot("Castle", "SC1-01", 4)).sheet(sheet);
    }

    @Test
    void theSamplesCharactersAreReadVerbatim() throws Exception {
        CharacterSheetReader.Result r = read(TestWorkbooks.sample());
        assertTrue(r.present());
        assertEquals("Characters", r.sheetName());
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.warnings());
        assertEquals(SampleWorkbooks.CHARACTERS, r.bible().characters());
    }

    @Test
    void aHeaderBelowATitleWithAliasesAndHintsIsFound() throws Exception {
        byte[] xlsx = shotsAnd("Cast").row("Our characters").blankRow()
                .row("Character", "Description (3-4 distinctive details)", "Ref image", "Also known as", "Notes")
                .row("Detective Reyes", REYES, "refs/reyes.png", "Detective, Reyes", "lead")
                .row("", "", "", "", "a note only")
                .row("Queen", QUEEN)
                .bytes();
        CharacterSheetReader.Result r = read(xlsx);
        assertEquals("Cast", r.sheetName());
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(new CharacterAnchor("Detective Reyes", REYES, "refs/reyes.png", List.of("Detective", "Reyes")),
                new CharacterAnchor("Queen", QUEEN, "")), r.bible().characters());
    }

    @Test
    void rowsWithoutANameOrDescriptionAreErrorsAndLeftOut() throws Exception {
        byte[] xlsx = shotsAnd("Characters").row("Name", "Description", "Reference image")
                .row("", QUEEN, "refs/q.png")
                .row("Chancellor", "", "refs/c.png")
                .row("Queen", QUEEN)
                .bytes();
        CharacterSheetReader.Result r = read(xlsx);
        assertEquals(List.of("Queen"), r.bible().characters().stream().map(CharacterAnchor::name).toList());
        assertEquals(2, r.errors().size(), r.errors()::toString);
        CellIssue noName = r.errors().get(0);
        assertEquals("Characters", noName.sheet());
        assertEquals(2, noName.row());
        assertEquals("A", noName.column());
        assertEquals("Name", noName.field());
        assertEquals("Name is blank: give the character the name the shot list uses, e.g. Queen or Detective Reyes", noName.message());
        CellIssue noDescription = r.errors().get(1);
        assertEquals(3, noDescription.row());
        assertEquals("B", noDescription.column());
        assertTrue(noDescription.message().startsWith("Description of Chancellor is blank: describe the character with 3-4 distinctive visual details"),
                noDescription.message());
    }

    @Test
    void aNameOrAliasDefinedTwiceIsAnError() throws Exception {
        byte[] xlsx = shotsAnd("Characters").row("Name", "Description", "Reference image", "Aliases")
                .row("Detective Reyes", REYES, "", "Detective")
                .row("detective reyes", REYES)
                .row("Detective", "a man with a trench coat, a fedora and a cigarette")
                .row("Sergeant Cole", "a burly man with a red beard, a blue uniform and a whistle", "", "Reyes, detective")
                .bytes();
        CharacterSheetReader.Result r = read(xlsx);
        assertEquals(List.of("Detective Reyes"), r.bible().characters().stream().map(CharacterAnchor::name).toList());
        assertEquals(3, r.errors().size(), r.errors()::toString);
        assertEquals("'detective reyes' already names Detective Reyes in row 2: each name and alias may stand for one character only "
                + "(rename one of them, or delete the repeated row)", r.errors().get(0).message());
        assertEquals(3, r.errors().get(0).row());
        assertEquals("Aliases", r.errors().get(2).field());
    }

    @Test
    void fewerThanThreeDetailsIsAWarningAndTheCharacterIsKept() throws Exception {
        byte[] xlsx = shotsAnd("Characters").row("Name", "Description").row("Waiter", "a man in a white jacket").bytes();
        CharacterSheetReader.Result r = read(xlsx);
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.bible().size());
        assertEquals(1, r.warnings().size());
        assertEquals("Waiter is described with 1 detail: give three to four distinctive visual details (e.g. 'a woman in her sixties "
                + "with a silver braided crown, a burgundy velvet gown and a jade ring') so the character looks the same in every shot",
                r.warnings().get(0).message());
        assertEquals("B", r.warnings().get(0).column());
    }

    @Test
    void aSheetWithoutAHeaderIsAWarningNotAnError() throws Exception {
        CharacterSheetReader.Result r = read(shotsAnd("Characters").row("Queen", QUEEN).bytes());
        assertTrue(r.bible().isEmpty());
        assertEquals(List.of(), r.errors(), "a sheet Dailies cannot read never refuses the shots");
        assertEquals(1, r.warnings().size());
        assertEquals(0, r.warnings().get(0).row());
        assertTrue(r.warnings().get(0).text().startsWith("Characters: The Characters sheet was not read: it has no header row"),
                r.warnings().get(0).text());
    }

    @Test
    void aCharactersSheetUnderAnotherNameIsFoundByItsHeader() throws Exception {
        CharacterSheetReader.Result r = read(shotsAnd("People").row("Character", "Visual anchors").row("Queen", QUEEN).bytes());
        assertEquals("People", r.sheetName());
        assertEquals(List.of("Queen"), r.bible().characters().stream().map(CharacterAnchor::name).toList());
    }

    @Test
    void noCharactersSheetMeansAnEmptyBible() throws Exception {
        CharacterSheetReader.Result r = read(TestWorkbooks.shots(2));
        assertFalse(r.present());
        assertEquals(CharacterBible.EMPTY, r.bible());
        assertEquals(List.of(), r.errors());
        CharacterSheetReader.Result template = read(SampleWorkbooks.template());
        assertTrue(template.present());
        assertTrue(template.bible().isEmpty());
        assertEquals(List.of(), template.errors());
    }
}
