package io.dailies.shotlist.sheet;

import io.dailies.prompt.ShotSpec;
import io.dailies.prompt.SpineOverrides;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one shot row against what the renderer accepts and turns it into a {@link ShotRowData},
 * filling blank Model, Size and Seconds from the Settings sheet's defaults ({@link ShotDefaults}), else
 * from the catalog. All of a row's problems are reported together, each with a message telling the
 * producer what to type instead. Stateless: duplicates across rows are the {@link DuplicateShotDetector}'s job.
 */
public final class ShotRowValidator {

    /** Longest sequence name or shot code: they name folders, files and database keys. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Pattern FORMULA_ERROR = Pattern.compile(
            "#(NULL!|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)");
    /** Width x height as producers type it; shared with the Settings sheet's Default size. */
    static final Pattern SIZE = Pattern.compile("(\\d{1,5})\\s*[x×X*]\\s*(\\d{1,5})(?:\\s*px)?");
    /** A length in seconds as producers type it ("8", "8 s", "8.0"); shared with the Settings sheet's Default seconds. */
    static final Pattern SECONDS = Pattern.compile(
            "(\\d{1,6})(?:[.,](\\d+))?\\s*(?:s|sec|secs|second|seconds)?\\.?", Pattern.CASE_INSENSITIVE);

    private final ModelCatalog catalog;
    private final SheetLayout layout;
    private final ShotDefaults defaults;
    /** The model of a row whose Model is blank: the Settings sheet's, else the catalog's. */
    private final ModelSpec defaultModel;

    /** A validator whose issues name sheet 'Shots' but no column letters; prefer the layout form. */
    public ShotRowValidator(ModelCatalog catalog) {
        this(catalog, SheetLayout.unknown());
    }

    /** A validator for rows of the sheet described by {@code layout} (see {@link ShotSheetReader#layout()}), with the catalog's defaults. */
    public ShotRowValidator(ModelCatalog catalog, SheetLayout layout) {
        this(catalog, layout, ShotDefaults.NONE);
    }

    /**
     * A validator for rows of the sheet described by {@code layout} whose blank Model, Size and Seconds
     * take the workbook's defaults (see {@link ProjectSheets#shotDefaults()}).
     *
     * @throws IllegalArgumentException when the default model is not in the catalog (the Settings sheet
     *                                  reader reports that as an error; it never gets here)
     */
    public ShotRowValidator(ModelCatalog catalog, SheetLayout layout, ShotDefaults defaults) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.defaultModel = defaults.model() == null ? catalog.defaultModel() : catalog.model(defaults.model())
                .orElseThrow(() -> new IllegalArgumentException("default model '" + defaults.model() + "' is not in the catalog"));
    }

    public ValidatedRow validate(RawShotRow r) {
        RowCheck check = new RowCheck(r);

        ModelSpec model = check.model();
        // Length limits come from the model; with an unknown model, the default's are the best guess.
        ModelSpec limits = model == null ? defaultModel : model;
        for (ShotColumn c : ShotColumn.values()) {
            check.notTooLong(c, limits.maxPromptLength(), limits.name());
        }
        check.required(ShotColumn.SEQUENCE, "Sequence is blank: fill in the sequence name on every row "
                + "(rows under a merged cell count as blank: unmerge and repeat the name)");
        check.required(ShotColumn.SHOT, "Shot is blank: give the row a shot code, e.g. SC1-03");
        check.required(ShotColumn.SUBJECT_ACTION, "Subject & Action is blank: describe who does what, with timing "
                + "beats (e.g. 'takes four steps to the window, pauses, and pulls the curtain in the final second')");
        check.shortName(ShotColumn.SEQUENCE);
        check.shortName(ShotColumn.SHOT);
        String size = check.size(model);
        Integer seconds = check.seconds(model);
        check.overrides();
        check.characters(model);

        if (!check.issues.isEmpty()) {
            return ValidatedRow.invalid(r.row(), check.issues);
        }
        return ValidatedRow.valid(new ShotRowData(
                text(r, ShotColumn.SEQUENCE), text(r, ShotColumn.SHOT),
                text(r, ShotColumn.SUBJECT_ACTION), text(r, ShotColumn.CAMERA_MOVEMENT),
                text(r, ShotColumn.SETTING_TIME), text(r, ShotColumn.LIGHTING_PALETTE),
                text(r, ShotColumn.STYLE_TECHNICAL), text(r, ShotColumn.DIALOGUE),
                text(r, ShotColumn.SHOT_TYPE), text(r, ShotColumn.SOUND), text(r, ShotColumn.AUDIO_CUES),
                text(r, ShotColumn.PHYSICS), text(r, ShotColumn.CHARACTERS), text(r, ShotColumn.OVERRIDES),
                text(r, ShotColumn.INPUT_REFERENCE),
                model.name(), size, seconds, r.row(), r.extras(), r.sheet()));
    }

    /** The reader trims already; rows built elsewhere (tests, other importers) get the same treatment. */
    private static String text(RawShotRow r, ShotColumn c) {
        return CellText.clean(r.value(c));
    }

    /** The checks of one row, collecting issues; cells with a formula error are reported once and then skipped. */
    private final class RowCheck {
        final RawShotRow row;
        final List<CellIssue> issues = new ArrayList<>();
        final Set<ShotColumn> broken = EnumSet.noneOf(ShotColumn.class);
        /** The layout of the row's own sheet. */
        final SheetLayout sheet;

        RowCheck(RawShotRow row) {
            this.row = row;
            this.sheet = layout.of(row.sheet());
            row.unreadable().forEach((c, why) -> {
                broken.add(c);
                issue(c, why);
            });
            for (ShotColumn c : ShotColumn.values()) {
                if (broken.contains(c)) {
                    continue;
                }
                String error = formulaError(row.value(c));
                if (error != null) {
                    broken.add(c);
                    issue(c, "Formula error " + error + " in the cell: fix the formula (" + explain(error) + ")");
                }
            }
        }

        String value(ShotColumn c) {
            return row.value(c);
        }

        boolean usable(ShotColumn c) {
            return !broken.contains(c);
        }

        void issue(ShotColumn c, String message) {
            issues.add(new CellIssue(sheet.sheetName(), row.row(), sheet.letter(c), c.header(), value(c), message));
        }

        void required(ShotColumn c, String message) {
            if (usable(c) && value(c).isBlank()) {
                issue(c, message);
            }
        }

        void notTooLong(ShotColumn c, int limit, String modelName) {
            int length = value(c).length();
            if (usable(c) && length > limit) {
                issue(c, String.format(Locale.US, "%s is %,d characters long; %s accepts at most %,d: shorten it",
                        c.header(), length, modelName, limit));
            }
        }

        void shortName(ShotColumn c) {
            int length = value(c).length();
            if (usable(c) && length > MAX_NAME_LENGTH) {
                issue(c, String.format(Locale.US, "%s is %,d characters long; keep it to %d or fewer (a short name such as %s)",
                        c.header(), length, MAX_NAME_LENGTH, c == ShotColumn.SHOT ? "SC1-03" : "Castle"));
            }
        }

        /** The row's model, the default when blank; null when unknown (reported). */
        ModelSpec model() {
            if (!usable(ShotColumn.MODEL)) {
                return null;
            }
            String text = value(ShotColumn.MODEL);
            if (text.isBlank()) {
                return defaultModel;
            }
            ModelSpec spec = catalog.model(text).orElse(null);
            if (spec == null) {
                issue(ShotColumn.MODEL, "Model '" + text + "' is not available; use one of: "
                        + String.join(", ", catalog.names()) + " (or leave it blank for " + defaultModel.name() + ")");
            }
            return spec;
        }

        /** Each entry of the Overrides cell must name a style-spine field and give it a value. */
        void overrides() {
            if (!usable(ShotColumn.OVERRIDES)) {
                return;
            }
            for (String problem : SpineOverrides.parse(value(ShotColumn.OVERRIDES)).problems()) {
                issue(ShotColumn.OVERRIDES, "Overrides: " + problem);
            }
        }

        /** No more characters to reference than the model takes per generation. */
        void characters(ModelSpec model) {
            if (model == null || !usable(ShotColumn.CHARACTERS)) {
                return;
            }
            List<String> names = ShotSpec.characterList(value(ShotColumn.CHARACTERS));
            if (names.size() > model.maxCharacters()) {
                issue(ShotColumn.CHARACTERS, "Characters lists " + names.size() + " characters to reference ("
                        + String.join(", ", names) + "); " + model.name() + " takes at most " + model.maxCharacters()
                        + " per generation: keep the ones who matter most (the others are still described wherever the text names them)");
            }
        }

        /** The size as "WxH", the default when blank; null when wrong (reported) or not checkable. */
        String size(ModelSpec model) {
            if (!usable(ShotColumn.SIZE)) {
                return null;
            }
            String text = value(ShotColumn.SIZE);
            if (text.isBlank()) {
                return model == null ? null : defaultSize(model);
            }
            Matcher m = SIZE.matcher(text);
            if (!m.matches()) {
                issue(ShotColumn.SIZE, "Size must be width x height in pixels, e.g. " + example(model)
                        + "; found '" + text + "'");
                return null;
            }
            String size = Integer.parseInt(m.group(1)) + "x" + Integer.parseInt(m.group(2));
            if (model != null && !model.allowsSize(size)) {
                List<String> others = catalog.models().stream().filter(s -> s.allowsSize(size)).map(ModelSpec::name).toList();
                issue(ShotColumn.SIZE, "Size " + size + " is not available for " + model.name() + "; use one of "
                        + String.join(", ", model.sizes())
                        + (others.isEmpty() ? "" : ", or set Model to " + String.join(" or ", others)));
                return null;
            }
            return size;
        }

        /** The length in seconds, the default when blank; null when wrong (reported) or not checkable. */
        Integer seconds(ModelSpec model) {
            if (!usable(ShotColumn.SECONDS)) {
                return null;
            }
            String text = value(ShotColumn.SECONDS);
            if (text.isBlank()) {
                return model == null ? null : defaultSeconds(model);
            }
            String allowed = model == null ? null : model.seconds().stream().map(String::valueOf)
                    .collect(Collectors.joining(", "));
            Matcher m = SECONDS.matcher(text);
            if (!m.matches()) {
                issue(ShotColumn.SECONDS, allowed == null
                        ? "Seconds must be a whole number of seconds, e.g. 4 or 8; found '" + text + "'"
                        : "Seconds must be one of " + allowed + " for " + model.name() + "; found '" + text + "'");
                return null;
            }
            if (m.group(2) != null && !m.group(2).matches("0+")) {
                issue(ShotColumn.SECONDS, allowed == null
                        ? "Seconds must be a whole number, e.g. 4 or 8; found '" + text + "'"
                        : "Seconds must be a whole number, one of " + allowed + " for " + model.name() + "; found '" + text + "'");
                return null;
            }
            int seconds = Integer.parseInt(m.group(1));
            if (model != null && !model.allowsSeconds(seconds)) {
                int longest = model.seconds().stream().mapToInt(Integer::intValue).max().orElse(0);
                issue(ShotColumn.SECONDS, "Seconds must be one of " + allowed + " for " + model.name() + "; found '" + text + "'"
                        + (seconds > longest ? " (split a longer shot over several rows)" : ""));
                return null;
            }
            return seconds;
        }
    }

    /** The Settings sheet's default size when the row's model renders it, else the model's own default. */
    private String defaultSize(ModelSpec model) {
        return defaults.size() != null && model.allowsSize(defaults.size()) ? defaults.size() : model.defaultSize();
    }

    /** The Settings sheet's default length when the row's model renders it, else the model's own default. */
    private int defaultSeconds(ModelSpec model) {
        return defaults.seconds() != null && model.allowsSeconds(defaults.seconds()) ? defaults.seconds() : model.defaultSeconds();
    }

    private static String example(ModelSpec model) {
        return model == null ? "1280x720" : model.defaultSize();
    }

    /** The error code when the cell (or one line of a cell joined from several columns) is an Excel error. */
    static String formulaError(String value) {
        if (value.isEmpty() || value.indexOf('#') < 0) {
            return null;
        }
        for (String line : value.split("\n")) {
            Matcher m = FORMULA_ERROR.matcher(line.strip());
            if (m.matches()) {
                return m.group();
            }
        }
        return null;
    }

    private static final Map<String, String> ERROR_CAUSES = Map.of(
            "#REF!", "it refers to a cell that was deleted",
            "#VALUE!", "it uses a value of the wrong type, e.g. text where a number is needed",
            "#NAME?", "it uses a function or name Excel does not know, often a typo",
            "#DIV/0!", "it divides by zero or by an empty cell",
            "#N/A", "a lookup found no match",
            "#NUM!", "a number is out of range",
            "#NULL!", "two ranges do not intersect",
            "#SPILL!", "its result has no room to spill into",
            "#CALC!", "Excel could not calculate it");

    private static String explain(String error) {
        return ERROR_CAUSES.getOrDefault(error, "Excel shows an error instead of a value");
    }
}
