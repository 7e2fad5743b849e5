package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.catalog.ModelCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsSheetReaderTest {

    private static final ModelCatalog CATALOG = ModelCatalog.load();

    @TempDir
    Path dir;

    private SettingsSheetReader.Result read(byte[] xlsx) throws Exception {
        return SettingsSheetReader.read(TestWorkbooks.write(dir, "s-" + System.nanoTime() + ".xlsx", xlsx), CATALOG);
    }

    private static TestWorkbooks.Book shotsAnd(String sheet) {
        return TestWorkbooks.book().row((Object[]) TestWorkbooks.HEADERS).row(TestWorkbooks.shot("Castle", "SC1-01", 4)).sheet(sheet);
    }

    /** A Settings sheet in the template's layout holding one setting on row 2. */
    private SettingsSheetReader.Result one(String field, Object value) throws Exception {
        return read(shotsAnd("Settings").row("Field", "Value").row(field, value).bytes());
    }

    private static CellIssue single(List<CellIssue> issues) {
        assertEquals(1, issues.size(), issues::toString);
        return issues.get(0);
    }

    // --- reading ---

    @Test
    void theSamplesSettingsAreRead() throws Exception {
        SettingsSheetReader.Result r = read(TestWorkbooks.sample());
        assertEquals("Settings", r.sheetName());
        assertEquals(SampleWorkbooks.SETTINGS, r.settings());
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void noSettingsSheetOrTheBlankTemplateMeansNoSettings() throws Exception {
        SettingsSheetReader.Result none = read(TestWorkbooks.shots(1));
        assertFalse(none.present());
        assertEquals(ProjectSettings.NONE, none.settings());
        SettingsSheetReader.Result template = read(SampleWorkbooks.template());
        assertTrue(template.present());
        assertEquals(ProjectSettings.NONE, template.settings());
        assertEquals(List.of(), template.errors());
        assertEquals(List.of(), template.warnings());
        assertEquals(ShotDefaults.NONE, template.settings().shotDefaults());
    }

    @Test
    void aliasesATitleANoteColumnAndForgivingSpellings() throws Exception {
        byte[] xlsx = shotsAnd("project-settings").row("Our project").row("Setting", "Value", "Notes")
                .row("Project", "  My film ", "working title")
                .row("MODEL", "Sora 2 Pro")
                .row("Resolution", "1920 x 1080")
                .row("Duration (s)", "8 s")
                .row("Budget $", "$1,250.50")
                .bytes();
        SettingsSheetReader.Result r = read(xlsx);
        assertEquals("project-settings", r.sheetName());
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.warnings());
        assertEquals(new ProjectSettings("My film", "sora-2-pro", "1920x1080", 8, new BigDecimal("1250.50")), r.settings());
        assertEquals(new ShotDefaults("sora-2-pro", "1920x1080", 8), r.settings().shotDefaults());
    }

    @Test
    void oneHeaderRowAndOneRowOfValuesReadTheSame() throws Exception {
        byte[] xlsx = shotsAnd("Settings")
                .row("Project name", "Default model", "Default size", "Default seconds", "Budget (USD)")
                .row("The Queen's Court", "sora-2", "720x1280", 12, 300)
                .bytes();
        SettingsSheetReader.Result r = read(xlsx);
        assertEquals(List.of(), r.errors());
        assertEquals(new ProjectSettings("The Queen's Court", "sora-2", "720x1280", 12, new BigDecimal("300")), r.settings());
    }

    @Test
    void aBudgetCellWithACurrencyFormatReadsAsDollars() throws Exception {
        TestWorkbooks.Book b = shotsAnd("Settings").row("Budget (USD)", new TestWorkbooks.Formatted(2500, "$#,##0.00"));
        SettingsSheetReader.Result r = read(b.bytes());
        assertEquals(List.of(), r.errors());
        assertEquals(new BigDecimal("2500.00"), r.settings().budgetUsd());
    }

    @Test
    void aBlankValueLeavesTheSettingUnset() throws Exception {
        SettingsSheetReader.Result r = read(shotsAnd("Settings").row("Default model", "").row("Budget", " ").row("Project name").bytes());
        assertEquals(List.of(), r.errors());
        assertEquals(ProjectSettings.NONE, r.settings());
    }

    // --- errors: where and what ---

    @Test
    void anUnknownModelIsAnErrorNamingTheCell() throws Exception {
        CellIssue e = single(one("Default model", "sora-3").errors());
        assertEquals("Settings", e.sheet());
        assertEquals(2, e.row());
        assertEquals("B", e.column());
        assertEquals("Default model", e.field());
        assertEquals("sora-3", e.value());
        assertEquals("Default model 'sora-3' is not available; use one of: sora-2, sora-2-pro (or leave it blank for sora-2)", e.message());
        assertNull(one("Default model", "sora-3").settings().defaultModel(), "a wrong value is not used");
    }

    @Test
    void aSizeTheDefaultModelDoesNotRenderIsAnError() throws Exception {
        CellIssue e = single(one("Default size", "1920x1080").errors());
        assertEquals("Default size", e.field());
        assertEquals("B", e.column());
        assertEquals("Default size 1920x1080 is not available for sora-2; use one of 720x1280, 1280x720, or set Default model to sora-2-pro",
                e.message());

        SettingsSheetReader.Result pro = read(shotsAnd("Settings").row("Default model", "sora-2-pro").row("Default size", "1920x1080").bytes());
        assertEquals(List.of(), pro.errors());
        assertEquals("1920x1080", pro.settings().defaultSize());
    }

    @Test
    void aSizeThatIsNotWidthByHeightIsAnError() throws Exception {
        CellIssue e = single(one("Default size", "HD").errors());
        assertEquals("Default size must be width x height in pixels, e.g. 1280x720; found 'HD'", e.message());
        assertNull(one("Default size", "HD").settings().defaultSize());
    }

    @Test
    void withAnUnknownModelASizeIsCheckedAgainstEveryModel() throws Exception {
        SettingsSheetReader.Result ok = read(shotsAnd("Settings").row("Default model", "veo").row("Default size", "1920x1080").bytes());
        assertEquals(1, ok.errors().size(), "only the model: " + ok.errors());
        SettingsSheetReader.Result bad = read(shotsAnd("Settings").row("Default model", "veo").row("Default size", "640x480").bytes());
        assertEquals(2, bad.errors().size(), bad.errors()::toString);
        assertTrue(bad.errors().get(1).message().startsWith("Default size 640x480 is not available for any model; use one of 720x1280, 1280x720,"),
                bad.errors().get(1).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "6|Default seconds must be one of 4, 8, 12, 16, 20 for sora-2; found '6'",
            "30|Default seconds must be one of 4, 8, 12, 16, 20 for sora-2; found '30'",
            "6.5|Default seconds must be a whole number of seconds, one of 4, 8, 12, 16, 20 for sora-2; found '6.5'",
            "four|Default seconds must be a whole number of seconds, one of 4, 8, 12, 16, 20 for sora-2; found 'four'"})
    void secondsTheDefaultModelDoesNotRenderAreErrors(String value, String message) throws Exception {
        SettingsSheetReader.Result r = one("Default seconds", value);
        CellIssue e = single(r.errors());
        assertEquals("Default seconds", e.field());
        assertEquals(value, e.value());
        assertEquals(message, e.message());
        assertNull(r.settings().defaultSeconds());
    }

    @Test
    void secondsAsANumberOrWithAUnitAreRead() throws Exception {
        assertEquals(Integer.valueOf(8), one("Default seconds", 8).settings().defaultSeconds());
        assertEquals(Integer.valueOf(12), one("Duration", "12 seconds").settings().defaultSeconds());
        assertEquals(Integer.valueOf(16), one("Length", "16.0").settings().defaultSeconds());
    }

    @Test
    void aNegativeBudgetIsAnError() throws Exception {
        for (Object value : new Object[]{-50, "-50", "(50)", "$-50"}) {
            SettingsSheetReader.Result r = one("Budget (USD)", value);
            CellIssue e = single(r.errors());
            assertEquals("Budget (USD)", e.field(), "the template's name, whatever the row says");
            assertEquals("B", e.column());
            assertTrue(e.message().startsWith("Budget cannot be negative; found '"), e.message());
            assertNull(r.settings().budgetUsd());
        }
    }

    @Test
    void aBudgetThatIsNoAmountOrNotInDollarsIsAnError() throws Exception {
        CellIssue words = single(one("Budget", "lots").errors());
        assertEquals("lots", words.value());
        assertEquals("Budget must be an amount in US dollars, e.g. 500 or 1,250.50; found 'lots' (leave it blank for no budget)",
                words.message());
        CellIssue euros = single(one("Budget", "€500").errors());
        assertEquals("Budget is in US dollars; found '€500': convert it to dollars and write the amount, e.g. 500", euros.message());
        assertEquals(1, one("Budget", "500 EUR").errors().size());
        assertEquals(1, one("Budget", "5OO").errors().size());
    }

    @Test
    void aZeroBudgetIsAllowed() throws Exception {
        SettingsSheetReader.Result r = one("Budget", 0);
        assertEquals(List.of(), r.errors());
        assertEquals(0, BigDecimal.ZERO.compareTo(r.settings().budgetUsd()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500|500", "500.00|500.00", "$500|500", "USD 500|500", "500 USD|500", "US$ 1,250.50|1250.50", "1,250|1250",
            "1 250|1250", "12,5|12.5", "$.75|.75", "-50|-50", "(50)|-50", "500 dollars|500"})
    void amountsAsProducersWriteThem(String text, String expected) {
        assertEquals(new BigDecimal(expected), SettingsSheetReader.amount(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "5OO", "1,2,3", "12.5.1", "$", "500 apples", "1e3"})
    void notAmounts(String text) {
        assertNull(SettingsSheetReader.amount(text));
    }

    @Test
    void aProjectNameOverTwoHundredCharactersIsAnError() throws Exception {
        SettingsSheetReader.Result r = one("Project name", "x".repeat(201));
        assertEquals("Project name is 201 characters long; keep it to 200 or fewer", single(r.errors()).message());
        assertEquals("", r.settings().projectName());
        assertEquals(List.of(), one("Project name", "x".repeat(200)).errors());
    }

    // --- names ---

    @Test
    void anUnknownSettingIsAWarningAndASettingGivenTwiceAnError() throws Exception {
        SettingsSheetReader.Result r = read(shotsAnd("Settings").row("Field", "Value")
                .row("Default model", "sora-2-pro")
                .row("Currency", "USD")
                .row("model", "sora-2")
                .bytes());
        CellIssue unknown = single(r.warnings());
        assertEquals(3, unknown.row());
        assertEquals("A", unknown.column());
        assertEquals("'Currency' is not a setting and is ignored; the settings are Project name, Default model, Default size, "
                + "Default seconds and Budget (USD)", unknown.message());
        CellIssue twice = single(r.errors());
        assertEquals(4, twice.row());
        assertEquals("Default model is given twice (rows 2 and 4): keep one", twice.message());
        assertEquals("sora-2-pro", r.settings().defaultModel(), "the first is kept");
    }

    @Test
    void twoRowsOfValuesUnderAHeaderAreAnError() throws Exception {
        SettingsSheetReader.Result r = read(shotsAnd("Settings").row("Default model", "Default seconds")
                .row("sora-2", 4).row("sora-2-pro", 8).bytes());
        assertEquals("The Settings sheet has more than one row of values (rows 2 and 3): keep one; a shot that differs says so "
                + "in its own Model, Size or Seconds cell", single(r.errors()).message());
        assertEquals(new ShotDefaults("sora-2", null, 4), r.settings().shotDefaults());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Project name|PROJECT_NAME", "project|PROJECT_NAME", "Default model|DEFAULT_MODEL", "Video model|DEFAULT_MODEL",
            "default-size|DEFAULT_SIZE", "Resolution|DEFAULT_SIZE", "Duration (s)|DEFAULT_SECONDS", "SECONDS|DEFAULT_SECONDS",
            "Budget (USD)|BUDGET", "Budget|BUDGET", "Budget $|BUDGET", "budget (in USD)|BUDGET"})
    void settingNamesAreMatchedForgivingly(String name, SettingsSheetReader.Field field) {
        assertEquals(field, SettingsSheetReader.Field.forName(name).orElse(null), name);
    }

    @Test
    void otherSheetNamesAreAccepted() throws Exception {
        for (String name : List.of("Defaults", "SETUP", "Project Settings")) {
            SettingsSheetReader.Result r = read(shotsAnd(name).row("Default seconds", 8).bytes());
            assertEquals(name, r.sheetName());
            assertEquals(Integer.valueOf(8), r.settings().defaultSeconds());
        }
    }

    // --- with the other project sheets ---

    @Test
    void projectSheetsReportSettingsErrorsAndGiveTheShotDefaults() throws Exception {
        ProjectSheets bad = ProjectSheets.read(TestWorkbooks.write(dir, "bad.xlsx",
                TestWorkbooks.withSettings(new Object[]{"Default model", "sora-3"})), CATALOG);
        assertEquals(1, bad.errors().size(), "an import with a bad Settings sheet is rejected");
        assertEquals("Settings", bad.errors().get(0).sheet());

        ProjectSheets good = ProjectSheets.read(TestWorkbooks.write(dir, "good.xlsx",
                TestWorkbooks.withSettings(new Object[]{"Default model", "sora-2-pro"}, new Object[]{"Default seconds", 12})));
        assertEquals(List.of(), good.errors());
        assertEquals(new ShotDefaults("sora-2-pro", null, 12), good.shotDefaults());
        assertEquals("sora-2-pro", good.projectSettings().defaultModel());
    }

    @Test
    void aCsvShotListHasNoSettings() throws Exception {
        ProjectSheets p = ProjectSheets.read(TestWorkbooks.write(dir, "shots.csv", TestWorkbooks.csv()), CATALOG);
        assertFalse(p.settings().present());
        assertEquals(ProjectSettings.NONE, p.projectSettings());
    }
}
