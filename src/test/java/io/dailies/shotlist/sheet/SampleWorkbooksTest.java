package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.prompt.CharacterBible;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptLinter;
import io.dailies.prompt.ShotSpec;
import io.dailies.prompt.StyleSpine;
import io.dailies.provider.catalog.ModelCatalog;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample is what producers copy, so it must follow the prompting guide it teaches. */
class SampleWorkbooksTest {

    private static final Pattern PALETTE = Pattern.compile("Palette anchors: ([^;.]+)");

    @TempDir
    Path dir;

    @Test
    void threeSequencesAndAtLeastFourteenShots() throws Exception {
        List<RawShotRow> rows = sampleRows();
        assertTrue(rows.size() >= 14, "shots: " + rows.size());
        assertEquals(Set.of("Castle", "Interrogation", "Kitchen"),
                rows.stream().map(r -> r.value(ShotColumn.SEQUENCE)).collect(Collectors.toSet()));
    }

    @Test
    void theStyleSpineIsIdenticalInEveryRow() throws Exception {
        for (RawShotRow r : sampleRows()) {
            assertEquals(SampleWorkbooks.STYLE_SPINE, r.value(ShotColumn.STYLE_TECHNICAL), "row " + r.row());
        }
    }

    @Test
    void everySequenceKeepsOneSetOfThreeToFivePaletteAnchors() throws Exception {
        Map<String, Set<String>> palettes = sampleRows().stream().collect(Collectors.groupingBy(
                r -> r.value(ShotColumn.SEQUENCE),
                Collectors.mapping(r -> palette(r), Collectors.toCollection(LinkedHashSet::new))));
        palettes.forEach((sequence, set) -> {
            assertEquals(1, set.size(), sequence + " palettes: " + set);
            int colours = set.iterator().next().split(",").length;
            assertTrue(colours >= 3 && colours <= 5, sequence + ": " + colours + " colours");
        });
    }

    @Test
    void everyShotHasTimedBeatsAndOneStableCameraMove() throws Exception {
        for (RawShotRow r : sampleRows()) {
            String action = r.value(ShotColumn.SUBJECT_ACTION);
            assertTrue(action.matches("(?s).*\\bin the (first|final) (second|two seconds)\\b.*"), "row " + r.row() + " needs timed beats");
            assertTrue(action.contains("final"), "row " + r.row() + " needs a final beat");
            String camera = r.value(ShotColumn.CAMERA_MOVEMENT);
            assertTrue(camera.contains("locked tripod") || camera.contains("steady gimbal, stable horizon, no jitter"),
                    "row " + r.row() + " needs a stability cue: " + camera);
            assertFalse(r.value(ShotColumn.LIGHTING_PALETTE).isBlank());
            assertFalse(r.value(ShotColumn.SETTING_TIME).isBlank());
        }
    }

    @Test
    void charactersAreDescribedWordForWordWhereverTheyAppear() throws Exception {
        Map<String, String> anchors = Map.of(
                "the queen,", SampleWorkbooks.QUEEN,
                "the chancellor,", SampleWorkbooks.CHANCELLOR,
                "Detective Reyes", SampleWorkbooks.DETECTIVE,
                "the suspect,", SampleWorkbooks.SUSPECT,
                "Chef Amara,", SampleWorkbooks.CHEF,
                "the commis,", SampleWorkbooks.COMMIS,
                "the courtiers,", SampleWorkbooks.COURTIERS);
        int appearances = 0;
        for (RawShotRow r : sampleRows()) {
            String action = r.value(ShotColumn.SUBJECT_ACTION);
            for (Map.Entry<String, String> a : anchors.entrySet()) {
                int mentions = count(action, a.getKey());
                assertEquals(mentions, count(action, a.getValue()),
                        "row " + r.row() + ": every '" + a.getKey() + "' must carry the full description");
                appearances += mentions;
            }
        }
        assertTrue(appearances >= 14, "characters appear " + appearances + " times");
    }

    @Test
    void someShotsSpeakInLabelledShortLines() throws Exception {
        List<String> dialogue = sampleRows().stream().map(r -> r.value(ShotColumn.DIALOGUE)).filter(s -> !s.isBlank()).toList();
        assertTrue(dialogue.size() >= 3, "rows with dialogue: " + dialogue.size());
        assertTrue(dialogue.contains("Detective: 'You're lying.'\nSuspect: 'Or maybe I'm tired.'"));
        for (String lines : dialogue) {
            for (String line : lines.split("\n")) {
                assertTrue(line.matches("[A-Z][\\w ]+: '.+'"), "speaker-labelled: " + line);
            }
        }
    }

    @Test
    void sora2At720pForFourOrEightSeconds() throws Exception {
        List<RawShotRow> rows = sampleRows();
        long eights = rows.stream().filter(r -> r.value(ShotColumn.SECONDS).equals("8")).count();
        for (RawShotRow r : rows) {
            assertEquals("sora-2", r.value(ShotColumn.MODEL));
            assertEquals("1280x720", r.value(ShotColumn.SIZE));
            assertTrue(Set.of("4", "8").contains(r.value(ShotColumn.SECONDS)));
        }
        assertTrue(eights >= 2 && eights < rows.size() / 2, "8-second shots: " + eights);
    }

    @Test
    void theCommittedSampleMatchesTheGenerator() throws Exception {
        if (TestWorkbooks.sampleFile().isEmpty()) {
            return; // run outside the project: nothing committed to compare
        }
        List<String> committed = text(readAll(TestWorkbooks.sample()));
        List<String> generated = text(readAll(SampleWorkbooks.sample()));
        assertEquals(generated, committed, "regenerate spreadsheets/ with SampleWorkbooks.main");
    }

    @Test
    void theCommittedFilesHaveTheGeneratorsSheetsDropDownsAndInstructions() throws Exception {
        if (TestWorkbooks.sampleFile().isEmpty()) {
            return; // run outside the project: nothing committed to compare
        }
        Path sample = TestWorkbooks.sampleFile().get();
        Path template = sample.resolveSibling(SampleWorkbooks.TEMPLATE_FILE);
        assertEquals(outline(SampleWorkbooks.sample()), outline(java.nio.file.Files.readAllBytes(sample)),
                "regenerate spreadsheets/ with SampleWorkbooks.main");
        assertEquals(outline(SampleWorkbooks.template()), outline(java.nio.file.Files.readAllBytes(template)),
                "regenerate spreadsheets/ with SampleWorkbooks.main");
    }

    /** Each sheet's name, drop-downs and the text of its cells outside the Shots rows. */
    private static List<String> outline(byte[] xlsx) throws Exception {
        List<String> lines = new ArrayList<>();
        org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                lines.add("sheet " + sheet.getSheetName());
                for (XSSFDataValidation v : ((XSSFSheet) sheet).getDataValidations()) {
                    DataValidationConstraint c = v.getValidationConstraint();
                    lines.add("  validation " + v.getRegions().getCellRangeAddress(0).formatAsString() + " " + c.getValidationType()
                            + " " + (c.getExplicitListValues() == null ? c.getFormula1() : String.join("|", c.getExplicitListValues()))
                            + " " + v.getErrorStyle() + " " + v.getErrorBoxText());
                }
                if (!sheet.getSheetName().equals("Shots")) {
                    for (Row row : sheet) {
                        row.forEach(cell -> lines.add("  " + cell.getAddress() + " " + f.formatCellValue(cell)));
                    }
                }
            }
        }
        return lines;
    }

    @Test
    void theTemplateHasTheHeaderRowFrozenAndNoShots() throws Exception {
        byte[] template = SampleWorkbooks.template();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = wb.getSheet("Shots");
            Row header = sheet.getRow(SampleWorkbooks.HEADER_ROW - 1);
            for (ShotColumn c : ShotColumn.values()) {
                assertEquals(c.header(), header.getCell(c.ordinal()).getStringCellValue());
            }
            assertTrue(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(SampleWorkbooks.HEADER_ROW, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(sheet.getColumnWidth(ShotColumn.SUBJECT_ACTION.ordinal()) > sheet.getColumnWidth(ShotColumn.SHOT.ordinal()));
        }
        Path file = TestWorkbooks.write(dir, "template.xlsx", template);
        try (ShotSheetReader reader = ShotSheetReader.open(file)) {
            assertEquals(SampleWorkbooks.HEADER_ROW, reader.headerRow());
            assertFalse(reader.hasNext());
        }
    }

    @Test
    void theSampleDefinesItsCharactersAndStyleSpineOnTheirOwnSheets() throws Exception {
        ProjectSheets p = ProjectSheets.read(TestWorkbooks.write(dir, "sheets.xlsx", TestWorkbooks.sample()));
        assertEquals(SampleWorkbooks.CHARACTERS, p.bible().characters());
        assertEquals(SampleWorkbooks.SPINE, p.spine());
        assertEquals(List.of(), p.errors());
        assertEquals(List.of(), p.warnings());
        for (io.dailies.prompt.CharacterAnchor c : SampleWorkbooks.CHARACTERS) {
            assertTrue(c.detailCount() >= 3, c.name());
        }
    }

    @Test
    void rowsReferenceTheCharactersSheetAndOverrideOnlyOnPurpose() throws Exception {
        ProjectSheets p = ProjectSheets.read(TestWorkbooks.write(dir, "refs.xlsx", TestWorkbooks.sample()));
        int referenced = 0;
        Set<String> overrides = new LinkedHashSet<>();
        for (RawShotRow r : sampleRows()) {
            for (String name : io.dailies.prompt.ShotSpec.characterList(r.value(ShotColumn.CHARACTERS))) {
                assertTrue(p.bible().find(name).isPresent(), "row " + r.row() + ": " + name);
                assertTrue(p.bible().find(name).get().hasReferenceImage(), name);
                referenced++;
            }
            assertTrue(io.dailies.prompt.SpineOverrides.parse(r.value(ShotColumn.OVERRIDES)).ok(), "row " + r.row());
            overrides.add(r.value(ShotColumn.OVERRIDES));
        }
        assertTrue(referenced >= 10, "character references: " + referenced);
        assertTrue(overrides.contains("lens: 85mm"), "a close-up switches to 85 mm: " + overrides);
    }

    @Test
    void theTemplateHasEmptyCharactersAndStyleSpineSheetsWithTheirHeaders() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(SampleWorkbooks.template()))) {
            Sheet characters = wb.getSheet("Characters");
            assertEquals("Name", characters.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Description (3-4 distinctive details)", characters.getRow(0).getCell(1).getStringCellValue());
            assertEquals(0, characters.getLastRowNum());
            Sheet spine = wb.getSheet("Style Spine");
            assertEquals("Field", spine.getRow(0).getCell(0).getStringCellValue());
            for (io.dailies.prompt.SpineField f : io.dailies.prompt.SpineField.values()) {
                Row row = spine.getRow(f.ordinal() + 1);
                assertEquals(f.label(), row.getCell(0).getStringCellValue());
                assertTrue(row.getCell(1) == null || row.getCell(1).getStringCellValue().isEmpty(), "no value in the template");
            }
            assertEquals(java.util.Arrays.asList("Shots", "Characters", "Style Spine", "Settings", "How to fill"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
        }
    }

    // --- drop-downs, the Settings sheet and the instructions ---

    @Test
    void theShotsSheetHasAWarningDropDownOnEachListColumnAndNoOther() throws Exception {
        ModelCatalog catalog = ModelCatalog.load();
        Map<ShotColumn, List<String>> expected = new HashMap<>();
        expected.put(ShotColumn.MODEL, catalog.names());
        expected.put(ShotColumn.SIZE, List.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080"));
        expected.put(ShotColumn.SECONDS, List.of("4", "8", "12", "16", "20"));
        expected.put(ShotColumn.SHOT_TYPE, SampleWorkbooks.SHOT_TYPES);
        expected.put(ShotColumn.CAMERA_MOVEMENT, SampleWorkbooks.CAMERA_MOVES);
        for (byte[] workbook : List.of(SampleWorkbooks.template(), SampleWorkbooks.sample())) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
                XSSFSheet shots = wb.getSheet("Shots");
                Map<ShotColumn, XSSFDataValidation> found = new HashMap<>();
                for (XSSFDataValidation v : shots.getDataValidations()) {
                    CellRangeAddress[] ranges = v.getRegions().getCellRangeAddresses();
                    assertEquals(1, ranges.length);
                    CellRangeAddress range = ranges[0];
                    assertEquals(range.getFirstColumn(), range.getLastColumn(), "one column per list");
                    assertEquals(SampleWorkbooks.HEADER_ROW, range.getFirstRow(), "from the first row below the header");
                    assertEquals(SampleWorkbooks.HEADER_ROW + SampleWorkbooks.VALIDATED_ROWS - 1, range.getLastRow());
                    ShotColumn column = ShotColumn.values()[range.getFirstColumn()];
                    assertEquals(null, found.put(column, v), "one list on " + column);
                }
                assertEquals(expected.keySet(), found.keySet());
                expected.forEach((column, values) -> {
                    XSSFDataValidation v = found.get(column);
                    assertEquals(DataValidationConstraint.ValidationType.LIST, v.getValidationConstraint().getValidationType());
                    assertEquals(values, Arrays.asList(v.getValidationConstraint().getExplicitListValues()), column.header());
                    assertEquals(DataValidation.ErrorStyle.WARNING, v.getErrorStyle(), column + " must only warn: free text still works");
                    assertTrue(v.getShowErrorBox());
                    // Excel refuses an explicit list longer than 255 characters.
                    assertTrue(String.join(",", values).length() <= 255, column + " list too long for Excel");
                });
            }
        }
    }

    @Test
    void everyShotTypeIsAFramingTheLinterRecognises() {
        PromptLinter linter = new PromptLinter(ModelCatalog.load());
        for (String type : SampleWorkbooks.SHOT_TYPES) {
            // a camera that only moves is vague unless the shot type names the framing
            LintReport vague = linter.lint(spec("", "slow dolly-in; steady gimbal, stable horizon, no jitter"), StyleSpine.EMPTY, CharacterBible.EMPTY);
            assertTrue(vague.has("CAMERA-VAGUE"), "the check must be able to fail");
            LintReport r = linter.lint(spec(type, "slow dolly-in; steady gimbal, stable horizon, no jitter"), StyleSpine.EMPTY, CharacterBible.EMPTY);
            assertFalse(r.has("CAMERA-VAGUE"), type + " is not recognised as a framing");
        }
    }

    @Test
    void everyCameraMoveIsOneMoveOrALockedOrHandheldCamera() {
        PromptLinter linter = new PromptLinter(ModelCatalog.load());
        for (String move : SampleWorkbooks.CAMERA_MOVES) {
            LintReport r = linter.lint(spec("Wide shot", move), StyleSpine.EMPTY, CharacterBible.EMPTY);
            assertFalse(r.has("CAMERA-MULTIPLE-MOVES"), move);
            // the linter asks for a stability cue exactly when it sees a move
            boolean still = move.equals("static") || move.equals("handheld");
            assertEquals(!still, r.has("CAMERA-UNSTABLE"), move + (still ? " is not a move" : " is not recognised as a move"));
        }
    }

    @Test
    void theTemplateHasABlankSettingsSheetWithDropDownsOnTheDefaults() throws Exception {
        ModelCatalog catalog = ModelCatalog.load();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(SampleWorkbooks.template()))) {
            XSSFSheet settings = wb.getSheet("Settings");
            assertEquals("Field", settings.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Value", settings.getRow(0).getCell(1).getStringCellValue());
            assertTrue(wb.getFontAt(settings.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, settings.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertTrue(settings.getColumnWidth(1) >= 20 * 256, "room for a value");
            for (SettingsSheetReader.Field f : SettingsSheetReader.Field.values()) {
                Row row = settings.getRow(f.ordinal() + 1);
                assertEquals(f.label(), row.getCell(0).getStringCellValue());
                assertTrue(row.getCell(1) == null, "no value in the template: " + f);
                assertFalse(row.getCell(2).getStringCellValue().isBlank(), "advice for " + f);
            }
            Map<SettingsSheetReader.Field, XSSFDataValidation> found = new HashMap<>();
            for (XSSFDataValidation v : settings.getDataValidations()) {
                CellRangeAddress range = v.getRegions().getCellRangeAddresses()[0];
                assertEquals(1, range.getFirstColumn(), "on the value column");
                assertEquals(range.getFirstRow(), range.getLastRow());
                assertEquals(DataValidation.ErrorStyle.WARNING, v.getErrorStyle());
                found.put(SettingsSheetReader.Field.values()[range.getFirstRow() - 1], v);
            }
            assertEquals(java.util.EnumSet.of(SettingsSheetReader.Field.DEFAULT_MODEL, SettingsSheetReader.Field.DEFAULT_SIZE,
                    SettingsSheetReader.Field.DEFAULT_SECONDS, SettingsSheetReader.Field.BUDGET), found.keySet());
            assertEquals(catalog.names(), Arrays.asList(found.get(SettingsSheetReader.Field.DEFAULT_MODEL)
                    .getValidationConstraint().getExplicitListValues()));
            assertTrue(Arrays.asList(found.get(SettingsSheetReader.Field.DEFAULT_SIZE).getValidationConstraint().getExplicitListValues())
                    .containsAll(List.of("1280x720", "1920x1080")));
            assertEquals(List.of("4", "8", "12", "16", "20"), Arrays.asList(found.get(SettingsSheetReader.Field.DEFAULT_SECONDS)
                    .getValidationConstraint().getExplicitListValues()));
            DataValidationConstraint budget = found.get(SettingsSheetReader.Field.BUDGET).getValidationConstraint();
            assertEquals(DataValidationConstraint.ValidationType.DECIMAL, budget.getValidationType());
            assertEquals(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, budget.getOperator());
            assertEquals("0", budget.getFormula1());
            CellRangeAddressList where = SampleWorkbooks.settingCell(SettingsSheetReader.Field.BUDGET);
            assertEquals(where.getCellRangeAddress(0), found.get(SettingsSheetReader.Field.BUDGET).getRegions().getCellRangeAddress(0));
        }
    }

    @Test
    void theSamplesSettingsMatchItsRows() throws Exception {
        ProjectSheets p = ProjectSheets.read(TestWorkbooks.write(dir, "settings.xlsx", TestWorkbooks.sample()));
        assertEquals(SampleWorkbooks.SETTINGS, p.projectSettings());
        for (RawShotRow r : sampleRows()) {
            assertEquals(SampleWorkbooks.SETTINGS.defaultModel(), r.value(ShotColumn.MODEL));
            assertEquals(SampleWorkbooks.SETTINGS.defaultSize(), r.value(ShotColumn.SIZE));
        }
        assertTrue(p.projectSettings().budgetUsd().signum() > 0);
    }

    @Test
    void theInstructionsCoverEveryColumnTheSettingsSheetAndTheReviewColumns() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(SampleWorkbooks.template()))) {
            Sheet guide = wb.getSheet(SampleWorkbooks.GUIDE_SHEET);
            Map<String, String> rows = new HashMap<>();
            for (Row row : guide) {
                if (row.getCell(0) != null && row.getCell(3) != null) {
                    rows.put(row.getCell(0).getStringCellValue(), row.getCell(3).getStringCellValue());
                }
            }
            for (ShotColumn c : ShotColumn.values()) {
                assertTrue(rows.containsKey(c.header()), c.header());
            }
            String settings = rows.get("Settings sheet");
            for (SettingsSheetReader.Field f : SettingsSheetReader.Field.values()) {
                assertTrue(settings.contains(f.label()), "Settings row names " + f.label());
            }
            assertTrue(rows.get(ShotColumn.MODEL.header()).contains("Settings"), "a blank Model takes the Settings default");
            String review = rows.get("Reviewing in this workbook");
            for (String column : io.dailies.shotlist.sheet.DailiesColumns.COLUMNS) {
                assertTrue(review.contains(column), "the review row lists " + column);
            }
            assertTrue(review.contains("ACCEPT, RETAKE or REVIEW"), review);
        }
    }

    private static ShotSpec spec(String shotType, String camera) {
        return ShotSpec.builder().sequence("Castle").shotCode("SC1-01")
                .subjectAction("The queen takes four steps to the window, pauses, and pulls the curtain in the final second.")
                .shotType(shotType).cameraMovement(camera)
                .settingTime("The throne room at dawn")
                .lightingPalette("Soft window light from frame left; Palette anchors: burgundy, antique gold, slate gray")
                .styleTechnical(SampleWorkbooks.STYLE_SPINE)
                .model("sora-2").size("1280x720").seconds(4).build();
    }

    private List<RawShotRow> sampleRows() throws Exception {
        return readAll(TestWorkbooks.sample());
    }

    private List<RawShotRow> readAll(byte[] xlsx) throws Exception {
        Path file = TestWorkbooks.write(dir, "sample-" + System.nanoTime() + ".xlsx", xlsx);
        List<RawShotRow> rows = new ArrayList<>();
        try (ShotSheetReader reader = ShotSheetReader.open(file)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static List<String> text(List<RawShotRow> rows) {
        return rows.stream().map(r -> r.row() + " " + r.values()).toList();
    }

    private static String palette(RawShotRow r) {
        Matcher m = PALETTE.matcher(r.value(ShotColumn.LIGHTING_PALETTE));
        assertTrue(m.find(), "row " + r.row() + " names no palette anchors");
        return m.group(1).strip();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
