package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.CompiledPrompt;
import io.dailies.prompt.CharacterAnchor;
import io.dailies.prompt.CostEstimate;
import io.dailies.prompt.LintFinding;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptCompiler;
import io.dailies.prompt.PromptDiff;
import io.dailies.prompt.PromptLinter;
import io.dailies.prompt.PromptVersion;
import io.dailies.prompt.Retake;
import io.dailies.prompt.ShotSpec;
import io.dailies.prompt.SpineField;
import io.dailies.prompt.VideoParameters;
import io.dailies.provider.catalog.ModelCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample workbook read with the real readers (Shots, Characters, Style Spine) and compiled: its prompts
 * are checked in as golden files and compared byte for byte. After an intended change to the compiler or
 * the sample, regenerate them with {@code -Ddailies.golden.update=true} and review the diff.
 */
class SamplePromptsTest {

    static final String GOLDEN = "golden/prompts/";
    static final ModelCatalog CATALOG = ModelCatalog.load();

    @TempDir
    static Path dir;

    /** A workbook as Dailies reads it: its valid shots (with their raw rows) and its project sheets. */
    record Project(List<ShotSpec> shots, List<RawShotRow> rows, ProjectSheets sheets) {

        Map<String, CompiledPrompt> compile() {
            Map<String, CompiledPrompt> out = new LinkedHashMap<>();
            for (ShotSpec s : shots) {
                out.put(s.label(), PromptCompiler.compile(s, sheets.spine(), sheets.bible()));
            }
            return out;
        }
    }

    static Project sample;

    @BeforeAll
    static void readTheSample() throws Exception {
        sample = load(TestWorkbooks.sample());
    }

    static Project load(byte[] xlsx) throws Exception {
        Path file = TestWorkbooks.write(dir, "project-" + System.nanoTime() + ".xlsx", xlsx);
        List<ShotSpec> shots = new ArrayList<>();
        List<RawShotRow> rows = new ArrayList<>();
        try (ShotSheetReader reader = ShotSheetReader.open(file)) {
            ShotRowValidator validator = new ShotRowValidator(CATALOG, reader.layout());
            while (reader.hasNext()) {
                RawShotRow raw = reader.next();
                ValidatedRow v = validator.validate(raw);
                assertTrue(v.isValid(), v.issues()::toString);
                rows.add(raw);
                shots.add(v.shot().toShotSpec());
            }
        }
        ProjectSheets sheets = ProjectSheets.read(file);
        assertEquals(List.of(), sheets.errors());
        return new Project(shots, rows, sheets);
    }

    // --- golden files ---

    @Test
    void theSamplesPromptsMatchTheGoldenFilesByteForByte() throws Exception {
        Map<String, CompiledPrompt> prompts = sample.compile();
        if (Boolean.getBoolean("dailies.golden.update")) {
            writeGoldenFiles(prompts);
        }
        for (Map.Entry<String, CompiledPrompt> e : prompts.entrySet()) {
            byte[] golden = golden(e.getKey());
            assertNotNull(golden, "no golden file " + GOLDEN + e.getKey() + ".txt: run with -Ddailies.golden.update=true");
            assertArrayEquals(golden, e.getValue().text().getBytes(StandardCharsets.UTF_8),
                    e.getKey() + " changed:\n" + PromptDiff.between(new String(golden, StandardCharsets.UTF_8), e.getValue().text()).render());
        }
        assertEquals(new TreeSet<>(prompts.keySet()), goldenNames(), "one golden file per sample shot, no strays");
    }

    @Test
    void compilingTwiceGivesTheSameBytesAndHashes() throws Exception {
        Map<String, CompiledPrompt> again = load(TestWorkbooks.sample()).compile();
        assertEquals(sample.compile(), again);
        assertEquals(15, new TreeSet<>(again.values().stream().map(CompiledPrompt::hash).toList()).size(), "every shot its own prompt");
    }

    // --- the Characters sheet ---

    static Stream<String> characterNames() {
        return SampleWorkbooks.CHARACTERS.stream().map(CharacterAnchor::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("characterNames")
    void editingTheCharactersSheetChangesEveryPromptThatNamesTheCharacterAndNoOther(String name) throws Exception {
        String edited = "a figure in a long emerald cloak with a white mask, brass gloves and a limp";
        Project changed = load(editCharacter(TestWorkbooks.sample(), name, edited));
        assertEquals(edited, changed.sheets().bible().find(name).orElseThrow().description());

        Map<String, CompiledPrompt> before = sample.compile();
        Map<String, CompiledPrompt> after = changed.compile();
        Set<String> differing = new TreeSet<>();
        before.forEach((shot, prompt) -> {
            if (!prompt.equals(after.get(shot))) {
                differing.add(shot);
            }
        });
        Set<String> naming = shotsNaming(SampleWorkbooks.CHARACTERS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
        assertFalse(naming.isEmpty(), name + " appears in the sample");
        assertEquals(naming, differing);
        for (String shot : naming) {
            assertTrue(after.get(shot).text().contains(edited), shot + " carries the new description verbatim");
        }
    }

    /** The shots whose text, Characters cell or speaker labels name the character, found independently of the compiler. */
    private static Set<String> shotsNaming(CharacterAnchor c) {
        Set<String> out = new TreeSet<>();
        List<String> terms = c.terms();
        for (int i = 0; i < sample.rows().size(); i++) {
            RawShotRow r = sample.rows().get(i);
            StringBuilder text = new StringBuilder();
            for (ShotColumn col : List.of(ShotColumn.SUBJECT_ACTION, ShotColumn.SHOT_TYPE, ShotColumn.CAMERA_MOVEMENT, ShotColumn.SETTING_TIME,
                    ShotColumn.LIGHTING_PALETTE, ShotColumn.STYLE_TECHNICAL, ShotColumn.SOUND, ShotColumn.AUDIO_CUES, ShotColumn.PHYSICS,
                    ShotColumn.CHARACTERS)) {
                text.append(r.value(col)).append('\n');
            }
            Matcher speakers = Pattern.compile("(?m)^\\s*([^:\\n]+):").matcher(r.value(ShotColumn.DIALOGUE));
            while (speakers.find()) {
                text.append(speakers.group(1)).append('\n');
            }
            for (String term : terms) {
                if (Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])").matcher(text).find()) {
                    out.add(sample.shots().get(i).label());
                }
            }
        }
        return out;
    }

    private static byte[] editCharacter(byte[] xlsx, String name, String description) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet("Characters");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(name)) {
                    row.getCell(1).setCellValue(description);
                    found = true;
                }
            }
            assertTrue(found, name);
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void everyCharacterAShotNamesIsDescribedWordForWordExactlyOnce() {
        Map<String, CompiledPrompt> prompts = sample.compile();
        int described = 0;
        for (ShotSpec s : sample.shots()) {
            String text = prompts.get(s.label()).text();
            for (CharacterAnchor c : PromptCompiler.namedCharacters(s, sample.sheets().bible())) {
                assertEquals(1, count(text, c.description()), s.label() + ": " + c.name());
                described++;
            }
        }
        assertTrue(described >= 20, "descriptions written: " + described);
    }

    // --- the Style Spine sheet ---

    @Test
    void theStyleSpineReachesEveryShotUnlessOverridden() {
        Map<String, CompiledPrompt> prompts = sample.compile();
        for (ShotSpec s : sample.shots()) {
            String text = prompts.get(s.label()).text();
            String lens = s.overrides().get(SpineField.LENS).orElse("35mm");
            assertTrue(text.contains(lens + " lens at f/2.8"), s.label());
            assertEquals(s.overrides().has(SpineField.LENS) ? 0 : 1, count(text, "35mm"), s.label());
            assertTrue(text.contains("anamorphic 2.39:1 feel") && text.contains("fine film grain, natural contrast"), s.label());
            String palette = s.overrides().get(SpineField.PALETTE).orElse(String.join(", ", SampleWorkbooks.SPINE.paletteAnchors()));
            assertTrue(text.contains("Palette anchors: " + palette + "."), s.label());
        }
    }

    // --- the linter ---

    @Test
    void theSampleLintsCleanSoEveryShotCanBeSubmitted() {
        PromptLinter linter = new PromptLinter(CATALOG);
        List<String> findings = new ArrayList<>();
        for (ShotSpec s : sample.shots()) {
            LintReport r = linter.lint(s, sample.sheets().spine(), sample.sheets().bible());
            assertFalse(r.blocksSubmission(), s.label() + ": " + r.errors());
            for (LintFinding f : r.findings()) {
                findings.add(s.label() + " " + f);
            }
        }
        assertEquals(List.of(), findings, "the sample shows the guide followed: no warnings either");
    }

    @Test
    void aLensRetakeOnAnySampleShotChangesExactlyOneLine() {
        for (ShotSpec s : sample.shots()) {
            PromptVersion v1 = PromptVersion.first(PromptCompiler.compile(s, sample.sheets().spine(), sample.sheets().bible()));
            Retake.Result r = Retake.next(v1, s, Retake.Change.parse("same shot, switch to 50 mm"), sample.sheets().spine(), sample.sheets().bible());
            assertEquals(1, r.diff().removed().size(), s.label() + "\n" + r.diff().render());
            assertEquals(1, r.diff().added().size(), s.label());
            assertTrue(r.diff().added().get(0).contains("50 mm lens at f/2.8"), r.diff().added().get(0));
        }
    }

    // --- cost ---

    @Test
    void theSampleRunCostsItsSecondsAtSyncAndBatchPrices() {
        List<CostEstimate.Item> items = sample.shots().stream()
                .map(s -> new CostEstimate.Item(s.label(), VideoParameters.of(s, sample.sheets().bible(), CATALOG))).toList();
        CostEstimate run = CostEstimate.of(CATALOG, items);
        assertEquals(13 * 4 + 2 * 8, run.totalSeconds());
        assertEquals("$6.80", CostEstimate.usd(run.totalSync()));
        assertEquals("$3.40", CostEstimate.usd(run.totalBatch()));
        assertEquals(List.of(), run.unpriced());
        for (ShotSpec s : sample.shots()) {
            assertEquals(List.of(), VideoParameters.of(s, sample.sheets().bible(), CATALOG).validate(CATALOG), s.label());
        }
    }

    // --- golden file plumbing ---

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static byte[] golden(String label) throws IOException {
        try (InputStream in = SamplePromptsTest.class.getClassLoader().getResourceAsStream(GOLDEN + label + ".txt")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static Set<String> goldenNames() throws IOException, URISyntaxException {
        URL url = SamplePromptsTest.class.getClassLoader().getResource(GOLDEN);
        assertNotNull(url, GOLDEN + " is not on the test classpath");
        Set<String> names = new TreeSet<>();
        if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 4)));
            }
        }
        return names;
    }

    /** Writes the golden files into src/test/resources of the project the tests run in. */
    private static void writeGoldenFiles(Map<String, CompiledPrompt> prompts) throws IOException {
        Path folder = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && folder == null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("src/test/resources"))) {
                folder = d.resolve("src/test/resources").resolve(GOLDEN);
            }
        }
        assertNotNull(folder, "src/test/resources not found above " + Path.of("").toAbsolutePath());
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, CompiledPrompt> e : prompts.entrySet()) {
            Files.write(folder.resolve(e.getKey() + ".txt"), e.getValue().text().getBytes(StandardCharsets.UTF_8));
        }
    }
}
