package io.dailies.shotlist.sheet;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the workbook's {@code Settings} sheet: the project's name, the defaults for shot rows that leave
 * Model, Size or Seconds blank, and the budget. Laid out like the Style Spine sheet: one setting per row,
 * its name in one column and its value to the right ("Default model | sora-2-pro"; a title or a
 * "Field | Value" row above and notes to the right are fine), or a header row naming the settings and one
 * row of values below it. Names are matched ignoring case and punctuation, with synonyms ("Model",
 * "Duration (s)", "Budget $").
 *
 * <p>Values are checked against the model catalog the way the Shots sheet's cells are. <b>Errors</b> (an
 * unknown model, a size or length the default model does not render, a budget that is negative or not an
 * amount in US dollars, a setting given twice) should reject the import like a bad Shots cell, and leave
 * the setting unset. <b>Warnings</b> (a name that is no setting) do not. A workbook without a Settings
 * sheet gives {@link ProjectSettings#NONE} and no issues.
 */
public final class SettingsSheetReader {

    /** Sheet names accepted, ignoring case, spaces and punctuation; the first is the template's. */
    public static final List<String> SHEET_NAMES = List.of("Settings", "Project settings", "Defaults", "Setup");

    /** Longest project name: the project's name in Dailies is at most this long. */
    public static final int MAX_PROJECT_NAME = 200;

    /** The settings, in the template's order. */
    public enum Field {
        PROJECT_NAME("Project name", "Project", "Project title", "Production", "Title"),
        DEFAULT_MODEL("Default model", "Model", "Video model"),
        DEFAULT_SIZE("Default size", "Size", "Resolution", "Default resolution", "Frame size"),
        DEFAULT_SECONDS("Default seconds", "Seconds", "Duration", "Duration (s)", "Default duration", "Length",
                "Length (s)", "Default length"),
        BUDGET("Budget (USD)", "Budget", "Budget $", "Budget in USD", "Budget in dollars", "Spend limit", "Spending limit");

        private final String label;
        private final List<String> aliases;
        private final List<String> keys;

        Field(String label, String... aliases) {
            this.label = label;
            this.aliases = List.of(aliases);
            this.keys = SideSheet.keys(label, aliases);
        }

        /** The name as the template writes it, e.g. "Budget (USD)". */
        public String label() {
            return label;
        }

        /** Other names accepted for the setting. */
        public List<String> aliases() {
            return aliases;
        }

        /** The setting a name stands for, ignoring case and punctuation; a parenthesised hint may be left out. */
        public static Optional<Field> forName(String name) {
            return Optional.ofNullable(SideSheet.match(name, List.of(values()), f -> f.keys));
        }
    }

    /**
     * What the sheet gave.
     *
     * @param sheetName the sheet's name as on its tab; null when the workbook has no Settings sheet
     * @param settings  the settings that passed (the others are unset)
     * @param errors    problems that should reject the import
     * @param warnings  problems worth fixing
     */
    public record Result(String sheetName, ProjectSettings settings, List<CellIssue> errors, List<CellIssue> warnings) {
        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean present() {
            return sheetName != null;
        }

        static Result absent() {
            return new Result(null, ProjectSettings.NONE, List.of(), List.of());
        }
    }

    private static final SideSheet.FieldNames<Field> FIELDS = new SideSheet.FieldNames<>(Field::forName, Field::label,
            List.of(Field.values()), "setting", "settings", "; a shot that differs says so in its own Model, Size or Seconds cell");

    /** "$1,250.50", "USD 500", "500 US$", "1 250": the currency mark and grouping are dropped. */
    private static final Pattern DOLLARS = Pattern.compile("(?i)^(?:us\\s*\\$|usd|\\$)?\\s*(.*?)\\s*(?:us\\s*\\$|usd|\\$|dollars?)?$");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[, \u00a0\u202f]\\d{3})+(?:\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?|\\.\\d+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{1,2}");
    private static final Pattern OTHER_CURRENCY = Pattern.compile("(?i)[€£¥₹]|\\b(?:eur|euros?|gbp|pounds?|jpy|yen|chf|cad|aud|inr)\\b");

    private SettingsSheetReader() {
    }

    /** Reads the Settings sheet of an .xlsx workbook, checking models, sizes and lengths against {@code catalog}. */
    public static Result read(Path xlsx, ModelCatalog catalog) throws IOException, ShotSheetFormatException {
        return SideSheet.read(xlsx, wb -> read(wb, catalog));
    }

    /** The sheet named like a Settings sheet, else the first other sheet naming two or more settings. */
    static Result read(SideSheet.Sheets sheets, ModelCatalog catalog) {
        SideSheet.Found sheet = sheets.byName(SHEET_NAMES);
        if (sheet == null) {
            sheet = sheets.byContent(SettingsSheetReader::looksLike);
        }
        return sheet == null ? Result.absent() : read(sheet, catalog);
    }

    /** Whether a sheet's first rows name two or more settings: a Settings sheet by another name. */
    static boolean looksLike(SideSheet.Found head) {
        return SideSheet.fieldsNamed(head, FIELDS) >= 2;
    }

    static Result read(SideSheet.Found sheet, ModelCatalog catalog) {
        List<CellIssue> errors = new ArrayList<>();
        List<CellIssue> warnings = new ArrayList<>();
        Map<Field, SideSheet.FieldValue> values = SideSheet.readFields(sheet, FIELDS, errors, warnings);
        if (values.isEmpty() && !sheet.rows().isEmpty()) {
            warnings.add(sheet.issue(SideSheet.notRead(sheet, FIELDS,
                    "the shots were imported with the catalog's defaults and no budget from it")));
        }
        Check check = new Check(sheet, values, catalog, errors);

        String project = check.projectName();
        ModelSpec model = check.model();
        String size = check.size(model);
        Integer seconds = check.seconds(model);
        BigDecimal budget = check.budget();
        ProjectSettings settings = new ProjectSettings(project, model == null || check.blank(Field.DEFAULT_MODEL) ? null : model.name(),
                size, seconds, budget);
        return new Result(sheet.name(), settings, errors, warnings);
    }

    /** The checks of the values, collecting errors. */
    private static final class Check {
        final SideSheet.Found sheet;
        final Map<Field, SideSheet.FieldValue> values;
        final ModelCatalog catalog;
        final List<CellIssue> errors;
        /** The default model was given but is not in the catalog: sizes and lengths cannot be checked against it. */
        boolean unknownModel;

        Check(SideSheet.Found sheet, Map<Field, SideSheet.FieldValue> values, ModelCatalog catalog, List<CellIssue> errors) {
            this.sheet = sheet;
            this.values = values;
            this.catalog = catalog;
            this.errors = errors;
        }

        String text(Field f) {
            SideSheet.FieldValue v = values.get(f);
            return v == null ? "" : v.text();
        }

        boolean blank(Field f) {
            return text(f).isBlank();
        }

        void error(Field f, String message) {
            SideSheet.FieldValue v = values.get(f);
            errors.add(sheet.issue(v.row(), v.column(), f.label(), v.text(), message));
        }

        String projectName() {
            String name = text(Field.PROJECT_NAME).strip();
            if (name.length() > MAX_PROJECT_NAME) {
                error(Field.PROJECT_NAME, String.format(Locale.US, "Project name is %,d characters long; keep it to %d or fewer",
                        name.length(), MAX_PROJECT_NAME));
                return "";
            }
            return name;
        }

        /** The default model: the catalog's when blank; null when unknown (reported). */
        ModelSpec model() {
            String text = text(Field.DEFAULT_MODEL);
            if (text.isBlank()) {
                return catalog.defaultModel();
            }
            Optional<ModelSpec> spec = catalog.model(text);
            if (spec.isEmpty()) {
                unknownModel = true;
                error(Field.DEFAULT_MODEL, "Default model '" + text + "' is not available; use one of: "
                        + String.join(", ", catalog.names()) + " (or leave it blank for " + catalog.defaultModel().name() + ")");
                return null;
            }
            return spec.get();
        }

        /** "WxH" when given and rendered by the default model (or, with an unknown model, by some model); else null. */
        String size(ModelSpec model) {
            String text = text(Field.DEFAULT_SIZE);
            if (text.isBlank()) {
                return null;
            }
            Matcher m = ShotRowValidator.SIZE.matcher(text);
            if (!m.matches()) {
                error(Field.DEFAULT_SIZE, "Default size must be width x height in pixels, e.g. "
                        + (model == null ? catalog.defaultModel() : model).defaultSize() + "; found '" + text + "'");
                return null;
            }
            String size = Integer.parseInt(m.group(1)) + "x" + Integer.parseInt(m.group(2));
            List<String> others = catalog.models().stream().filter(s -> s.allowsSize(size)).map(ModelSpec::name).toList();
            if (model == null) {
                if (others.isEmpty()) {
                    error(Field.DEFAULT_SIZE, "Default size " + size + " is not available for any model; use one of "
                            + String.join(", ", allSizes()));
                    return null;
                }
                return size;
            }
            if (!model.allowsSize(size)) {
                error(Field.DEFAULT_SIZE, "Default size " + size + " is not available for " + model.name() + "; use one of "
                        + String.join(", ", model.sizes())
                        + (others.isEmpty() ? "" : ", or set Default model to " + String.join(" or ", others)));
                return null;
            }
            return size;
        }

        /** The length when given and rendered by the default model (or, with an unknown model, by some model); else null. */
        Integer seconds(ModelSpec model) {
            String text = text(Field.DEFAULT_SECONDS);
            if (text.isBlank()) {
                return null;
            }
            List<Integer> allowed = model == null ? allSeconds() : model.seconds();
            String list = allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
            String forModel = model == null ? "" : " for " + model.name();
            Matcher m = ShotRowValidator.SECONDS.matcher(text);
            if (!m.matches() || (m.group(2) != null && !m.group(2).matches("0+"))) {
                error(Field.DEFAULT_SECONDS, "Default seconds must be a whole number of seconds, one of " + list + forModel
                        + "; found '" + text + "'");
                return null;
            }
            int seconds = Integer.parseInt(m.group(1));
            if (!allowed.contains(seconds)) {
                error(Field.DEFAULT_SECONDS, "Default seconds must be one of " + list + forModel + "; found '" + text + "'");
                return null;
            }
            return seconds;
        }

        /** The budget in US dollars, zero or more; null when blank or wrong (reported). */
        BigDecimal budget() {
            String text = text(Field.BUDGET);
            if (text.isBlank()) {
                return null;
            }
            if (OTHER_CURRENCY.matcher(text).find()) {
                error(Field.BUDGET, "Budget is in US dollars; found '" + text + "': convert it to dollars and write the amount, e.g. 500");
                return null;
            }
            BigDecimal amount = amount(text);
            if (amount == null) {
                error(Field.BUDGET, "Budget must be an amount in US dollars, e.g. 500 or 1,250.50; found '" + text
                        + "' (leave it blank for no budget)");
                return null;
            }
            if (amount.signum() < 0) {
                error(Field.BUDGET, "Budget cannot be negative; found '" + text + "': give the most this project may spend "
                        + "in US dollars, e.g. 500, or leave it blank for no budget");
                return null;
            }
            return amount;
        }

        private List<String> allSizes() {
            Set<String> sizes = new LinkedHashSet<>();
            catalog.models().forEach(s -> sizes.addAll(s.sizes()));
            return List.copyOf(sizes);
        }

        private List<Integer> allSeconds() {
            Set<Integer> seconds = new LinkedHashSet<>();
            catalog.models().forEach(s -> seconds.addAll(s.seconds()));
            return List.copyOf(seconds);
        }
    }

    /**
     * An amount as producers write it: "500", "$500.00", "USD 1,250.50", "1 250", "12,5", "-50", "(50)" (an
     * accounting negative); null when it is no amount.
     */
    static BigDecimal amount(String text) {
        String s = text.strip();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            negative = !negative;
            s = s.substring(1).strip();
        }
        Matcher m = DOLLARS.matcher(s);
        if (!m.matches()) {
            return null;
        }
        s = m.group(1);
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            // "$-50"
            negative = !negative;
            s = s.substring(1).strip();
        }
        String digits;
        if (PLAIN.matcher(s).matches()) {
            digits = s;
        } else if (GROUPED.matcher(s).matches()) {
            digits = s.replaceAll("[, \u00a0\u202f]", "");
        } else if (DECIMAL_COMMA.matcher(s).matches()) {
            digits = s.replace(',', '.');
        } else {
            return null;
        }
        BigDecimal amount = new BigDecimal(digits);
        return negative ? amount.negate() : amount;
    }
}
