package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.catalog.ModelCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShotRowValidatorTest {

    private static final ModelCatalog CATALOG = ModelCatalog.load();
    private static final SheetLayout LAYOUT = new SheetLayout("Shots", 1, canonicalLetters());

    private final ShotRowValidator validator = new ShotRowValidator(CATALOG, LAYOUT);

    @TempDir
    Path dir;

    // --- a good row ---

    @Test
    void aCompleteRowBecomesAShot() {
        ValidatedRow v = validator.validate(row(Map.of(ShotColumn.MODEL, "sora-2-pro", ShotColumn.SIZE, "1920x1080",
                ShotColumn.SECONDS, "12", ShotColumn.DIALOGUE, "Queen: 'Bring me the traitor.'")));
        assertTrue(v.isValid(), v.issues()::toString);
        ShotRowData s = v.shot();
        assertEquals("Castle", s.sequence());
        assertEquals("SC1-03", s.shotCode());
        assertEquals("sora-2-pro", s.model());
        assertEquals("1920x1080", s.size());
        assertEquals(1920, s.width());
        assertEquals(1080, s.height());
        assertEquals(12, s.seconds());
        assertEquals(7, s.sourceRow());
        assertEquals("Queen: 'Bring me the traitor.'", s.dialogue());
        assertEquals(Map.of("Wardrobe notes", "gown pressed"), s.extras());
    }

    @Test
    void blankModelSizeAndSecondsComeFromTheCatalog() {
        ShotRowData s = validator.validate(row(Map.of())).shot();
        assertEquals("sora-2", s.model());
        assertEquals("1280x720", s.size());
        assertEquals(4, s.seconds());
        assertEquals("", s.cameraMovement(), "optional pillars left blank read as empty text");
    }

    @Test
    void textIsTrimmedIncludingNonBreakingSpaces() {
        ShotRowData s = validator.validate(row(Map.of(ShotColumn.SEQUENCE, " Castle\u00a0", ShotColumn.SHOT, "\tSC1-03 "))).shot();
        assertEquals("Castle", s.sequence());
        assertEquals("SC1-03", s.shotCode());
    }

    @Test
    void optionalColumnsMayBeAbsentFromTheSheet() {
        Map<ShotColumn, String> only = new EnumMap<>(ShotColumn.class);
        only.put(ShotColumn.SEQUENCE, "Castle");
        only.put(ShotColumn.SHOT, "SC1-01");
        only.put(ShotColumn.SUBJECT_ACTION, "The queen lifts her chin in the final second.");
        ValidatedRow v = validator.validate(new RawShotRow(2, only, new LinkedHashMap<>()));
        assertTrue(v.isValid(), v.issues()::toString);
        assertEquals(4, v.shot().seconds());
    }

    // --- required cells ---

    @ParameterizedTest
    @CsvSource({"SEQUENCE,A,Sequence is blank", "SHOT,B,Shot is blank", "SUBJECT_ACTION,C,Subject & Action is blank"})
    void requiredCellsMustBeFilled(ShotColumn column, String letter, String message) {
        CellIssue issue = single(validator.validate(row(Map.of(column, "  "))));
        assertEquals(letter, issue.column());
        assertEquals(column.header(), issue.field());
        assertEquals(7, issue.row());
        assertEquals("Shots", issue.sheet());
        assertTrue(issue.message().startsWith(message), issue.message());
    }

    // --- model ---

    @ParameterizedTest
    @ValueSource(strings = {"sora-2", "Sora-2", " SORA 2 ", "sora-2-pro"})
    void knownModelsAreAccepted(String model) {
        assertTrue(validator.validate(row(Map.of(ShotColumn.MODEL, model))).isValid());
    }

    @Test
    void anUnknownModelListsTheAvailableOnes() {
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.MODEL, "sora-3"))));
        assertEquals("I", issue.column());
        assertEquals("sora-3", issue.value());
        assertEquals("Model 'sora-3' is not available; use one of: sora-2, sora-2-pro (or leave it blank for sora-2)", issue.message());
    }

    // --- size ---

    @ParameterizedTest
    @CsvSource({"1280x720,1280x720", "720X1280,720x1280", "1280 × 720,1280x720", "1280 x 720 px,1280x720", "1280*720,1280x720"})
    void sizesAreReadForgivingly(String typed, String size) {
        ValidatedRow v = validator.validate(row(Map.of(ShotColumn.SIZE, typed)));
        assertTrue(v.isValid(), v.issues()::toString);
        assertEquals(size, v.shot().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"720p", "HD", "1280-720", "1280x"})
    void aSizeMustBeWidthByHeight(String typed) {
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.SIZE, typed))));
        assertEquals("J", issue.column());
        assertEquals("Size must be width x height in pixels, e.g. 1280x720; found '" + typed + "'", issue.message());
    }

    @Test
    void aSizeTheModelCannotRenderSuggestsTheModelThatCan() {
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.SIZE, "1920x1080"))));
        assertEquals("Size 1920x1080 is not available for sora-2; use one of 720x1280, 1280x720, or set Model to sora-2-pro",
                issue.message());
        assertTrue(validator.validate(row(Map.of(ShotColumn.SIZE, "1920x1080", ShotColumn.MODEL, "sora-2-pro"))).isValid());
        assertEquals("Size 640x480 is not available for sora-2; use one of 720x1280, 1280x720",
                single(validator.validate(row(Map.of(ShotColumn.SIZE, "640x480")))).message());
    }

    // --- seconds ---

    @ParameterizedTest
    @CsvSource({"4,4", "8,8", "20,20", "8.0,8", "8 s,8", "12 sec,12", "16 seconds,16"})
    void secondsAreReadForgivingly(String typed, int seconds) {
        ValidatedRow v = validator.validate(row(Map.of(ShotColumn.SECONDS, typed)));
        assertTrue(v.isValid(), v.issues()::toString);
        assertEquals(seconds, v.shot().seconds());
    }

    @Test
    void secondsInWordsAreRejectedWithTheAllowedValues() {
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.SECONDS, "four"))));
        assertEquals("K", issue.column());
        assertEquals("Seconds", issue.field());
        assertEquals("four", issue.value());
        assertEquals("Seconds must be one of 4, 8, 12, 16, 20 for sora-2; found 'four'", issue.message());
    }

    @Test
    void secondsMustBeWhole() {
        assertEquals("Seconds must be a whole number, one of 4, 8, 12, 16, 20 for sora-2; found '4.5'",
                single(validator.validate(row(Map.of(ShotColumn.SECONDS, "4.5")))).message());
    }

    @Test
    void secondsMustBeALengthTheModelRenders() {
        assertEquals("Seconds must be one of 4, 8, 12, 16, 20 for sora-2; found '10'",
                single(validator.validate(row(Map.of(ShotColumn.SECONDS, "10")))).message());
        assertTrue(single(validator.validate(row(Map.of(ShotColumn.SECONDS, "30")))).message()
                .endsWith("(split a longer shot over several rows)"));
    }

    @Test
    void withAnUnknownModelOnlyTheModelIsBlamed() {
        ValidatedRow v = validator.validate(row(Map.of(ShotColumn.MODEL, "sora-3", ShotColumn.SIZE, "1920x1080", ShotColumn.SECONDS, "10")));
        assertEquals(List.of("Model"), v.issues().stream().map(CellIssue::field).toList());
        assertEquals("Seconds must be a whole number of seconds, e.g. 4 or 8; found 'four'",
                validator.validate(row(Map.of(ShotColumn.MODEL, "sora-3", ShotColumn.SECONDS, "four"))).issues().get(1).message());
    }

    // --- formula errors, long cells, long names ---

    @ParameterizedTest
    @CsvSource({"#REF!,a cell that was deleted", "#VALUE!,wrong type", "#NAME?,typo", "#DIV/0!,zero", "#N/A,no match"})
    void formulaErrorsAskForTheFormulaToBeFixed(String error, String cause) {
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.SECONDS, error))));
        assertEquals("K", issue.column());
        assertTrue(issue.message().startsWith("Formula error " + error + " in the cell: fix the formula"), issue.message());
        assertTrue(issue.message().contains(cause), issue.message());
    }

    @Test
    void aFormulaErrorInARequiredCellIsReportedOnce() {
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.SHOT, "#REF!"))));
        assertTrue(issue.message().startsWith("Formula error #REF!"));
    }

    @Test
    void textMentioningAnErrorCodeIsNotAnError() {
        assertTrue(validator.validate(row(Map.of(ShotColumn.SUBJECT_ACTION, "The screen shows #REF! in red as she types."))).isValid());
    }

    @Test
    void aCellLongerThanThePromptLimitIsRejected() {
        assertTrue(validator.validate(row(Map.of(ShotColumn.SUBJECT_ACTION, "a".repeat(32_000)))).isValid());
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.SUBJECT_ACTION, "a".repeat(32_001)))));
        assertEquals("Subject & Action is 32,001 characters long; sora-2 accepts at most 32,000: shorten it", issue.message());
        assertTrue(issue.value().length() <= CellIssue.MAX_VALUE_LENGTH, "the issue keeps only the start of the cell");
    }

    @Test
    void sequenceAndShotCodesStayShort() {
        assertTrue(validator.validate(row(Map.of(ShotColumn.SHOT, "S".repeat(200)))).isValid());
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.SHOT, "S".repeat(201)))));
        assertTrue(issue.message().startsWith("Shot is 201 characters long"), issue.message());
    }

    @Test
    void allProblemsOfARowAreReportedTogether() {
        ValidatedRow v = validator.validate(row(Map.of(ShotColumn.SHOT, "", ShotColumn.SIZE, "720p", ShotColumn.SECONDS, "four")));
        assertFalse(v.isValid());
        assertNull(v.shot());
        assertEquals(List.of("Shot", "Size", "Seconds"), v.issues().stream().map(CellIssue::field).toList());
    }

    @Test
    void withoutALayoutIssuesNameTheSheetButNoColumn() {
        CellIssue issue = single(new ShotRowValidator(CATALOG).validate(row(Map.of(ShotColumn.SECONDS, "four"))));
        assertEquals("Shots", issue.sheet());
        assertNull(issue.column());
        assertEquals("Seconds", issue.field());
    }

    // --- sound, physics, characters, overrides ---

    @Test
    void theOptionalColumnsAreCarriedIntoTheShotAndItsSpec() {
        Map<ShotColumn, String> cells = new EnumMap<>(ShotColumn.class);
        cells.put(ShotColumn.SHOT_TYPE, "Extreme close-up");
        cells.put(ShotColumn.SOUND, "Candles hiss");
        cells.put(ShotColumn.AUDIO_CUES, "goblet clink at 00:02");
        cells.put(ShotColumn.PHYSICS, "Heavy pewter goblet");
        cells.put(ShotColumn.CHARACTERS, "Queen and Chancellor");
        cells.put(ShotColumn.OVERRIDES, "Lens: 85 mm;\npalette: teal, sand, rust");
        cells.put(ShotColumn.INPUT_REFERENCE, "refs/throne.png");
        ValidatedRow v = validator.validate(row(cells));
        assertTrue(v.isValid(), v.issues()::toString);
        ShotRowData s = v.shot();
        assertEquals("Extreme close-up", s.shotType());
        assertEquals("Candles hiss", s.sound());
        assertEquals("goblet clink at 00:02", s.audioCues());
        assertEquals("Heavy pewter goblet", s.physics());
        assertEquals(List.of("Queen", "Chancellor"), s.characterNames());
        assertEquals("lens: 85 mm; palette: teal, sand, rust", s.spineOverrides().format());
        io.dailies.prompt.ShotSpec spec = s.toShotSpec();
        assertEquals("Castle-SC1-03", spec.label());
        assertEquals(List.of("Queen", "Chancellor"), spec.characters());
        assertEquals(s.spineOverrides(), spec.overrides());
        assertEquals("refs/throne.png", spec.inputReference());
        assertEquals(s.subjectAction(), spec.subjectAction());
        assertEquals(4, spec.seconds());
        assertEquals("sora-2", spec.model());
    }

    @Test
    void rowsWithoutTheNewColumnsReadThemAsBlank() {
        ShotRowData s = validator.validate(row(Map.of())).shot();
        assertEquals("", s.sound());
        assertEquals(List.of(), s.characterNames());
        assertTrue(s.spineOverrides().isEmpty());
        ShotRowData old = new ShotRowData("Castle", "SC1-01", "x", "", "", "", "", "", "sora-2", "1280x720", 4, 2, Map.of());
        assertEquals("", old.overrides());
        assertEquals("", old.inputReference());
    }

    @Test
    void anOverrideThatNamesNoSpineFieldIsRejectedWithTheSyntax() {
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.OVERRIDES, "lense: 85mm"))));
        assertEquals(String.valueOf((char) ('A' + ShotColumn.OVERRIDES.ordinal())), issue.column());
        assertEquals("Overrides", issue.field());
        assertEquals("Overrides: 'lense' is not a style-spine field; use lens, aperture, camera language, grade, palette or stability, "
                + "e.g. 'lens: 85mm; palette: teal, sand, rust'", issue.message());
        assertEquals(2, validator.validate(row(Map.of(ShotColumn.OVERRIDES, "85mm; grade:"))).issues().size(), "one issue per bad entry");
    }

    @Test
    void moreCharactersThanTheModelReferencesIsRejected() {
        CellIssue issue = single(validator.validate(row(Map.of(ShotColumn.CHARACTERS, "Queen, Chancellor; Jester"))));
        assertEquals("Characters", issue.field());
        assertEquals("Characters lists 3 characters to reference (Queen, Chancellor, Jester); sora-2 takes at most 2 per generation: "
                + "keep the ones who matter most (the others are still described wherever the text names them)", issue.message());
        assertTrue(validator.validate(row(Map.of(ShotColumn.CHARACTERS, "Queen, Chancellor"))).isValid());
    }

    // --- defaults from the Settings sheet ---

    private static ShotRowData withDefaults(ShotDefaults defaults, Map<ShotColumn, String> cells) {
        ValidatedRow v = new ShotRowValidator(CATALOG, LAYOUT, defaults).validate(row(cells));
        assertTrue(v.isValid(), v.issues()::toString);
        return v.shot();
    }

    @Test
    void blankModelSizeAndSecondsTakeTheSettingsDefaults() {
        ShotRowData s = withDefaults(new ShotDefaults("sora-2-pro", "1920x1080", 8), Map.of());
        assertEquals("sora-2-pro", s.model());
        assertEquals("1920x1080", s.size());
        assertEquals(8, s.seconds());
    }

    @Test
    void cellsTheProducerFilledWinOverTheDefaults() {
        ShotRowData s = withDefaults(new ShotDefaults("sora-2-pro", "1920x1080", 8),
                Map.of(ShotColumn.MODEL, "sora-2-pro", ShotColumn.SIZE, "1080x1920", ShotColumn.SECONDS, "12"));
        assertEquals("1080x1920", s.size());
        assertEquals(12, s.seconds());
    }

    @Test
    void aDefaultSizeTheRowsModelDoesNotRenderGivesWayToThatModelsDefault() {
        // sora-2 does not render 1920x1080: its own default applies; 8 s it does render, so that default stays.
        ShotRowData s = withDefaults(new ShotDefaults("sora-2-pro", "1920x1080", 8), Map.of(ShotColumn.MODEL, "sora-2"));
        assertEquals("sora-2", s.model());
        assertEquals("1280x720", s.size());
        assertEquals(8, s.seconds());
    }

    @Test
    void withoutADefaultModelTheCatalogsDefaultModelTakesTheDefaultSizeAndSeconds() {
        ShotRowData s = withDefaults(new ShotDefaults(null, "720x1280", 16), Map.of());
        assertEquals("sora-2", s.model());
        assertEquals("720x1280", s.size());
        assertEquals(16, s.seconds());
    }

    @Test
    void aDefaultModelAloneKeepsThatModelsOwnDefaults() {
        ShotRowData s = withDefaults(new ShotDefaults("sora-2-pro", null, null), Map.of());
        assertEquals("sora-2-pro", s.model());
        assertEquals(CATALOG.model("sora-2-pro").orElseThrow().defaultSize(), s.size());
        assertEquals(CATALOG.model("sora-2-pro").orElseThrow().defaultSeconds(), s.seconds());
    }

    @Test
    void noDefaultsIsTheCatalogsDefaults() {
        ShotRowData s = withDefaults(ShotDefaults.NONE, Map.of());
        assertEquals(List.of("sora-2", "1280x720", 4), List.of(s.model(), s.size(), s.seconds()));
    }

    @Test
    void anUnknownModelSuggestsLeavingItBlankForTheSettingsDefault() {
        ValidatedRow v = new ShotRowValidator(CATALOG, LAYOUT, new ShotDefaults("sora-2-pro", null, null))
                .validate(row(Map.of(ShotColumn.MODEL, "sora-3")));
        assertEquals("Model 'sora-3' is not available; use one of: sora-2, sora-2-pro (or leave it blank for sora-2-pro)",
                single(v).message());
    }

    @Test
    void aDefaultModelOutsideTheCatalogIsRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new ShotRowValidator(CATALOG, LAYOUT, new ShotDefaults("sora-3", null, null)));
    }

    @Test
    void aWorkbooksSettingsSheetFillsItsBlankCells() throws Exception {
        Path file = TestWorkbooks.write(dir, "settings.xlsx", TestWorkbooks.withSettings(new Object[]{"Field", "Value"},
                new Object[]{"Default model", "Sora 2 Pro"}, new Object[]{"Default size", "1792 x 1024"}, new Object[]{"Default seconds", 12}));
        ProjectSheets sheets = ProjectSheets.read(file, CATALOG);
        assertEquals(List.of(), sheets.errors());
        List<ShotRowData> shots = new ArrayList<>();
        try (ShotSheetReader reader = ShotSheetReader.open(file)) {
            ShotRowValidator v = new ShotRowValidator(CATALOG, reader.layout(), sheets.shotDefaults());
            reader.forEachRemaining(r -> shots.add(v.validate(r).shot()));
        }
        assertEquals(1, shots.size());
        assertEquals(List.of("sora-2-pro", "1792x1024", 12), List.of(shots.get(0).model(), shots.get(0).size(), shots.get(0).seconds()));
    }

    // --- over the test workbooks, as the import job will run ---

    @Test
    void wrongTypedCellIsTheOnlyProblemInItsWorkbook() throws Exception {
        List<CellIssue> issues = validateAll(TestWorkbooks.wrongTypedCell());
        assertEquals(1, issues.size(), issues::toString);
        CellIssue issue = issues.get(0);
        assertEquals(TestWorkbooks.WRONG_TYPED_ROW, issue.row());
        assertEquals("K", issue.column());
        assertEquals("Seconds must be one of 4, 8, 12, 16, 20 for sora-2; found 'four'", issue.message());
        assertEquals("Shots, row 3, column K (Seconds)", issue.location());
    }

    @Test
    void formulaErrorWorkbookFlagsOnlyTheBrokenCells() throws Exception {
        List<CellIssue> issues = validateAll(TestWorkbooks.formulaError());
        assertEquals(List.of("2 K #REF!", "4 J #N/A"),
                issues.stream().map(i -> i.row() + " " + i.column() + " " + i.value()).toList(), issues::toString);
    }

    @Test
    void aliasedWorkbookValidatesWithItsOwnColumnLetters() throws Exception {
        assertEquals(List.of(), validateAll(TestWorkbooks.titleRowsAndAliases()));
    }

    @Test
    void numbersAsTextValidate() throws Exception {
        List<ShotRowData> shots = new ArrayList<>();
        List<CellIssue> issues = validateAll(TestWorkbooks.numbersAsText(), shots);
        assertEquals(List.of(), issues);
        assertEquals(List.of("3", "04", "SC1-05"), shots.stream().map(ShotRowData::shotCode).toList());
        assertEquals(List.of(4, 8, 8), shots.stream().map(ShotRowData::seconds).toList());
        assertEquals("1280x720", shots.get(2).size());
    }

    @Test
    void theSampleIsValidThroughout() throws Exception {
        assertEquals(List.of(), validateAll(TestWorkbooks.sample()));
    }

    private List<CellIssue> validateAll(byte[] xlsx) throws Exception {
        return validateAll(xlsx, new ArrayList<>());
    }

    private List<CellIssue> validateAll(byte[] xlsx, List<ShotRowData> shots) throws Exception {
        List<CellIssue> issues = new ArrayList<>();
        Path file = TestWorkbooks.write(dir, "book-" + System.nanoTime() + ".xlsx", xlsx);
        try (ShotSheetReader reader = ShotSheetReader.open(file)) {
            ShotRowValidator v = new ShotRowValidator(CATALOG, reader.layout());
            reader.forEachRemaining(r -> {
                ValidatedRow result = v.validate(r);
                issues.addAll(result.issues());
                result.data().ifPresent(shots::add);
            });
        }
        return issues;
    }

    /** A valid row 7 in canonical columns, with some cells replaced. */
    static RawShotRow row(Map<ShotColumn, String> overrides) {
        Map<ShotColumn, String> values = new EnumMap<>(ShotColumn.class);
        values.put(ShotColumn.SEQUENCE, "Castle");
        values.put(ShotColumn.SHOT, "SC1-03");
        values.put(ShotColumn.SUBJECT_ACTION, "The queen grips the goblet; in the final second the wine trembles.");
        values.put(ShotColumn.CAMERA_MOVEMENT, "");
        values.put(ShotColumn.SETTING_TIME, "The throne room at dawn");
        values.put(ShotColumn.LIGHTING_PALETTE, "Window light from frame left; Palette anchors: burgundy, gold, slate");
        values.put(ShotColumn.STYLE_TECHNICAL, SampleWorkbooks.STYLE_SPINE);
        values.put(ShotColumn.DIALOGUE, "");
        values.put(ShotColumn.MODEL, "");
        values.put(ShotColumn.SIZE, "");
        values.put(ShotColumn.SECONDS, "");
        values.putAll(overrides);
        LinkedHashMap<String, String> extras = new LinkedHashMap<>();
        extras.put("Wardrobe notes", "gown pressed");
        return new RawShotRow(7, values, extras);
    }

    private static CellIssue single(ValidatedRow v) {
        assertFalse(v.isValid(), "expected a problem");
        assertEquals(1, v.issues().size(), v.issues()::toString);
        return v.issues().get(0);
    }

    private static Map<ShotColumn, String> canonicalLetters() {
        Map<ShotColumn, String> letters = new EnumMap<>(ShotColumn.class);
        for (ShotColumn c : ShotColumn.values()) {
            letters.put(c, String.valueOf((char) ('A' + c.ordinal())));
        }
        return letters;
    }
}
