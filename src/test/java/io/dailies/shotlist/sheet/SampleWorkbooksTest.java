package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
            assertEquals(java.util.Arrays.asList("Shots", "Characters", "Style Spine", "How to fill"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
        }
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
