package io.dailies.shotlist.sheet;

import io.dailies.prompt.CharacterAnchor;
import io.dailies.prompt.SpineField;
import io.dailies.prompt.StyleSpine;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sample shot list and the blank template kept in {@code spreadsheets/}. The sample is a
 * worked example of the prompting guide: timed action beats, one camera move with stability cues,
 * one style spine in every row, 3-5 palette anchors per sequence and character anchors repeated word
 * for word. Run {@code main} with a folder to regenerate both files.
 */
public final class SampleWorkbooks {

    public static final String SAMPLE_FILE = "sample-shot-list.xlsx";
    public static final String TEMPLATE_FILE = "shot-list-template.xlsx";
    public static final String TITLE = "The Queen's Court — shot list";
    /** 1-based Excel row of the header in both files: a title and a note sit above it. */
    public static final int HEADER_ROW = 3;
    /** Rows below the header that get drop-downs for Model, Size, Seconds, Shot type and Camera & Movement. */
    public static final int VALIDATED_ROWS = 1000;
    /** The instructions sheet; the importer ignores it. */
    public static final String GUIDE_SHEET = "How to fill";

    /**
     * The Shot type drop-down: framing shorthand the linter recognises as a shot size or angle (so a shot
     * with only a move in Camera & Movement is not vague).
     */
    public static final List<String> SHOT_TYPES = List.of("Extreme wide shot", "Wide shot", "Establishing shot", "Full shot",
            "Medium wide shot", "Medium shot", "Medium close-up", "Close-up", "Extreme close-up", "Two-shot",
            "Over-the-shoulder", "Point of view", "Insert", "Top-down", "Aerial");
    /** The Camera & Movement drop-down: one move each (or none), as the guide asks; the column stays free text. */
    public static final List<String> CAMERA_MOVES = List.of("static", "slow dolly in", "dolly out", "pan left", "pan right",
            "tilt up", "tilt down", "handheld", "crane up", "orbit", "tracking");

    /** The sample's Settings sheet; its defaults are what every sample row also spells out. */
    public static final ProjectSettings SETTINGS = new ProjectSettings("The Queen's Court", "sora-2", "1280x720", 4,
            new BigDecimal("100.00"));

    /** The same camera and look in every shot, so the cuts feel like one film. */
    public static final String STYLE_SPINE =
            "Style spine: 35mm lens at f/2.8, anamorphic 2.39:1 feel, fine film grain, natural contrast";

    private static final String STABLE = "steady gimbal, stable horizon, no jitter";

    /** The Style Spine sheet: the same values as {@link #STYLE_SPINE}, field by field, plus the castle's palette. */
    public static final StyleSpine SPINE = new StyleSpine("35mm", "f/2.8", "anamorphic 2.39:1 feel",
            "fine film grain, natural contrast", List.of("burgundy", "antique gold", "slate gray", "candle amber"), STABLE);

    // Character anchors: three or four details, defined once on the Characters sheet.
    public static final String QUEEN_DESCRIPTION =
            "a woman in her sixties with a silver braided crown, a burgundy velvet gown and a jade ring";
    public static final String CHANCELLOR_DESCRIPTION =
            "a gaunt man with a shaved head, a black fur-trimmed robe and a brass chain of office";
    public static final String COURTIERS_DESCRIPTION =
            "men and women in charcoal wool doublets with mustard sashes and starched white ruffs";
    public static final String DETECTIVE_DESCRIPTION =
            "a woman in her forties with a gray wool overcoat, a loosened navy tie and a silver wristwatch";
    public static final String SUSPECT_DESCRIPTION =
            "a young man with a buzz cut, a torn denim jacket and a bandaged left hand";
    public static final String CHEF_DESCRIPTION =
            "a tall woman with close-cropped gray hair, a white double-breasted jacket, a red neckerchief and a burn scar on her left forearm";
    public static final String COMMIS_DESCRIPTION =
            "a lanky young man with a blue striped apron, a paper toque and wire-rimmed glasses";

    /** The Characters sheet: name, description, reference image, aliases. */
    public static final List<CharacterAnchor> CHARACTERS = List.of(
            new CharacterAnchor("Queen", QUEEN_DESCRIPTION, "references/queen.png", List.of()),
            new CharacterAnchor("Chancellor", CHANCELLOR_DESCRIPTION, "references/chancellor.png", List.of()),
            new CharacterAnchor("Courtiers", COURTIERS_DESCRIPTION, "", List.of()),
            new CharacterAnchor("Detective Reyes", DETECTIVE_DESCRIPTION, "references/detective-reyes.png", List.of("Detective", "Reyes")),
            new CharacterAnchor("Suspect", SUSPECT_DESCRIPTION, "references/suspect.png", List.of()),
            new CharacterAnchor("Chef Amara", CHEF_DESCRIPTION, "references/chef-amara.png", List.of("Chef")),
            new CharacterAnchor("Commis", COMMIS_DESCRIPTION, "references/commis.png", List.of()));

    // Most rows also repeat each description word for word in the text (the compiler then adds nothing);
    // the later kitchen rows only name their characters and the compiler writes the Characters sheet's
    // description at the first mention. Both ways are supported.
    public static final String QUEEN = "the queen, " + QUEEN_DESCRIPTION;
    public static final String CHANCELLOR = "the chancellor, " + CHANCELLOR_DESCRIPTION;
    public static final String COURTIERS = "the courtiers, " + COURTIERS_DESCRIPTION;
    public static final String DETECTIVE = "Detective Reyes, " + DETECTIVE_DESCRIPTION;
    public static final String SUSPECT = "the suspect, " + SUSPECT_DESCRIPTION;
    public static final String CHEF = "Chef Amara, " + CHEF_DESCRIPTION;
    public static final String COMMIS = "the commis, " + COMMIS_DESCRIPTION;

    // Palette anchors: one set per sequence, so the light matches across its cuts. The castle's is the
    // spine's; the other sequences override the palette explicitly.
    public static final String CASTLE_PALETTE = "Palette anchors: burgundy, antique gold, slate gray, candle amber";
    public static final String INTERROGATION_PALETTE = "Palette anchors: teal, concrete gray, nicotine yellow, steel blue";
    public static final String KITCHEN_PALETTE = "Palette anchors: copper, cream, basil green, steel gray";
    private static final String INTERROGATION_OVERRIDES = "palette: teal, concrete gray, nicotine yellow, steel blue";
    private static final String KITCHEN_OVERRIDES = "palette: copper, cream, basil green, steel gray";

    private static final String THRONE_ROOM =
            "The castle's throne room at dawn: a long stone hall, a red carpet runner, tall arched east windows, iron chandeliers with lit candles";
    private static final String INTERROGATION_ROOM =
            "A windowless police interrogation room at 2 a.m.: cinder-block walls, a steel table bolted to the floor, two metal chairs, a one-way mirror on the left wall";
    private static final String KITCHEN =
            "A restaurant kitchen at the height of Friday dinner service, 8:30 p.m.: a brushed-steel pass, copper pans hanging over a six-burner range, white tiled walls";
    private static final String THRONE_ROOM_LIGHT =
            "Shafts of early sun through the tall east windows from frame left, warm candle fill from the chandeliers above, deep shadows under the arches; ";
    private static final String INTERROGATION_LIGHT =
            "Single hard fluorescent panel directly overhead, cool teal spill from the one-way mirror at frame left, deep shadows under the eyes; ";
    private static final String KITCHEN_LIGHT =
            "Warm heat lamps above the pass from top of frame, cool fluorescent fill from the ceiling behind, orange flame flares from the range at frame right; ";

    /** One row of the sample, in column order. */
    public record SampleShot(String sequence, String shot, String subjectAction, String cameraMovement,
                             String settingTime, String lightingPalette, String dialogue, int seconds,
                             String sound, String audioCues, String physics, String characters, String overrides) {
    }

    public static final List<SampleShot> SHOTS = List.of(
            // 1. Castle: the guide's own sequence
            new SampleShot("Castle", "SC1-01",
                    "The castle stands silent as mist drifts off the moat; in the first two seconds a flock of rooks lifts from the north tower, "
                            + "at four seconds the iron portcullis begins to rise, and in the final two seconds a single torch flares above the gate.",
                    "Wide establishing shot, low angle from across the moat; slow crane-up from the water line to the battlements; " + STABLE,
                    "A medieval castle of weathered gray stone on a rocky hill above a still moat, at dawn in early spring, thin mist on the water",
                    "Low golden sunrise backlight from camera right behind the towers, cool blue fill from the open sky, soft haze; " + CASTLE_PALETTE,
                    "", 8,
                    "Wind over stone and rooks calling", "portcullis chain rattles at 00:04", "", "", ""),
            new SampleShot("Castle", "SC1-02",
                    "At the far end of the hall " + QUEEN + ", sits motionless on the throne; over the first three seconds the two rows of "
                            + COURTIERS + ", turn their heads toward her one after another, and in the final second she lifts her chin.",
                    "Wide shot, eye level, centred on the aisle; slow dolly-in from the great doors toward the throne; " + STABLE,
                    THRONE_ROOM,
                    THRONE_ROOM_LIGHT + CASTLE_PALETTE,
                    "", 4,
                    "Candles hiss and fabric rustles in the hushed hall", "", "", "Queen", ""),
            new SampleShot("Castle", "SC1-03",
                    "The weathered hands of " + QUEEN + ", grip a heavy pewter goblet resting on the oak armrest; in the first second her fingers tighten, "
                            + "at two seconds her knuckles whiten, and in the final second the dark wine trembles against the rim without spilling.",
                    "Extreme close-up at armrest height, slight side angle, shallow depth of field sharp on the hands; locked tripod camera, no movement",
                    "The throne of the throne room, carved dark oak with gilt inlay, the same dawn",
                    "One warm window shaft from frame left raking across the hands, candle fill from behind the throne; " + CASTLE_PALETTE,
                    "", 4,
                    "", "", "Heavy pewter goblet full of wine, firm contact with the carved oak armrest, the liquid obeys gravity, no clipping",
                    "Queen", "lens: 85mm"),
            new SampleShot("Castle", "SC1-04",
                    "In the front row " + COURTIERS + ", gasp together in the first second, two of them step back half a pace at two seconds, "
                            + "and in the final second a woman presses her hand to her mouth.",
                    "Medium shot of the front row, eye level from beside the throne; slow pan from left to right along the row; " + STABLE,
                    THRONE_ROOM,
                    THRONE_ROOM_LIGHT + CASTLE_PALETTE,
                    "", 4,
                    "Silence in the stone hall after the gasp", "one sharp collective gasp at 00:01", "", "", ""),
            new SampleShot("Castle", "SC1-05",
                    "In the aisle " + CHANCELLOR + ", takes three steps down the carpet toward "
                            + QUEEN + ", stops, and in the final second drops to one knee, his chain of office swinging once against his chest.",
                    "Medium shot over the queen's shoulder down the aisle, eye level; locked tripod camera, no movement",
                    THRONE_ROOM,
                    THRONE_ROOM_LIGHT + CASTLE_PALETTE,
                    "Queen: 'Bring me the traitor.'", 4,
                    "", "", "Heavy brass chain with real weight; the knee meets the stone floor with a soft thud",
                    "Chancellor, Queen", ""),

            // 2. Interrogation: two characters, dialogue
            new SampleShot("Interrogation", "SC2-01",
                    "Alone at the steel table, " + SUSPECT + ", drums his bandaged fingers twice in the first second, "
                            + "glances at the one-way mirror at two seconds, and in the final second the door opens and " + DETECTIVE + ", steps in.",
                    "Wide shot from the far corner, high angle; locked tripod camera, no movement",
                    INTERROGATION_ROOM,
                    INTERROGATION_LIGHT + INTERROGATION_PALETTE,
                    "", 4,
                    "Fluorescent hum", "door latch click at 00:03", "", "Suspect, Detective Reyes", INTERROGATION_OVERRIDES),
            new SampleShot("Interrogation", "SC2-02",
                    DETECTIVE + ", crosses to the table in three steps and in the final second drops a thick manila folder onto the steel surface; "
                            + "the folder lands flat with a dull slap and slides two inches before stopping.",
                    "Medium shot, eye level; slow tracking move from left to right with her from the door to the table; " + STABLE,
                    INTERROGATION_ROOM,
                    INTERROGATION_LIGHT + INTERROGATION_PALETTE,
                    "", 4,
                    "Fluorescent hum", "folder slap at 00:03",
                    "Paper folder of about half a kilo, friction on brushed steel, no bounce, object permanence maintained",
                    "Detective Reyes", INTERROGATION_OVERRIDES),
            new SampleShot("Interrogation", "SC2-03",
                    DETECTIVE + ", leans both palms on the table in the first two seconds and speaks; " + SUSPECT
                            + ", holds her gaze, leans back until his chair creaks at five seconds, and answers in the final two seconds.",
                    "Medium two-shot in profile across the table, eye level; slow push-in; " + STABLE,
                    INTERROGATION_ROOM,
                    INTERROGATION_LIGHT + INTERROGATION_PALETTE,
                    "Detective: 'You're lying.'\nSuspect: 'Or maybe I'm tired.'", 8,
                    "Fluorescent hum", "chair creak at 00:05", "", "Detective Reyes, Suspect", INTERROGATION_OVERRIDES),
            new SampleShot("Interrogation", "SC2-04",
                    "At the table " + SUSPECT + ", draws his bandaged left hand off the table into his lap over the first two seconds, "
                            + "and in the final second the fingers curl slowly into a fist.",
                    "Extreme close-up at table height, shallow depth of field; locked tripod camera, no movement",
                    INTERROGATION_ROOM,
                    INTERROGATION_LIGHT + INTERROGATION_PALETTE,
                    "", 4,
                    "", "", "Gauze bandage creases where the fingers bend, the hand rests with weight on the denim",
                    "Suspect", INTERROGATION_OVERRIDES),
            new SampleShot("Interrogation", "SC2-05",
                    DETECTIVE + ", gathers the folder in the first second, taps her silver wristwatch twice, walks to the door in four steps "
                            + "and pauses with her hand on the handle in the final second.",
                    "Medium wide shot from behind the suspect's shoulder, eye level; slow pan from right to left following her to the door; " + STABLE,
                    INTERROGATION_ROOM,
                    INTERROGATION_LIGHT + INTERROGATION_PALETTE,
                    "Detective: 'Take your time.'", 4,
                    "", "", "The folder keeps its shape and weight in her hand, object permanence maintained",
                    "Detective Reyes", INTERROGATION_OVERRIDES),

            // 3. Kitchen: the guide's chef, physics of food and metal; after their first shot, characters are only named
            new SampleShot("Kitchen", "SC3-01",
                    "Cooks work their stations; " + CHEF + ", walks the length of the pass in four steps over the first two seconds, stops at the ticket rail, "
                            + "and in the final second tears off a ticket and calls the order.",
                    "Wide shot, eye level, tracking left to right with the chef along the pass; " + STABLE,
                    KITCHEN,
                    KITCHEN_LIGHT + KITCHEN_PALETTE,
                    "Chef Amara: 'Two sea bass, one risotto, fire!'", 4,
                    "The roar of the range and the clatter of pans form the background", "", "", "Chef Amara", KITCHEN_OVERRIDES),
            new SampleShot("Kitchen", "SC3-02",
                    "At the range " + COMMIS + ", lays a sea bass fillet skin-side down in a hot cast-iron pan in the first second; "
                            + "oil spits, at two seconds the fillet settles flat under a steel press, and in the final second he lifts the press away.",
                    "Close-up at stove height, slight high angle; locked tripod camera, no movement",
                    KITCHEN,
                    KITCHEN_LIGHT + KITCHEN_PALETTE,
                    "", 4,
                    "Oil sizzling over the roar of the range", "",
                    "Heavy cast-iron pan on a gas flame, a 200 g fillet, oil droplets fall with gravity, no floating, object permanence maintained",
                    "Commis", KITCHEN_OVERRIDES),
            new SampleShot("Kitchen", "SC3-03",
                    "Chef Amara lowers a basil leaf onto the risotto with steel tweezers in the first two seconds, wipes the rim of the cream plate with a cloth, "
                            + "and in the final second slides the plate onto the pass.",
                    "Top-down close-up over the plate; slow push-in from above; " + STABLE,
                    KITCHEN,
                    KITCHEN_LIGHT + KITCHEN_PALETTE,
                    "", 4,
                    "", "",
                    "The ceramic plate slides on brushed steel with realistic friction and stops without spinning, object permanence maintained",
                    "Chef Amara", KITCHEN_OVERRIDES),
            new SampleShot("Kitchen", "SC3-04",
                    "Chef Amara dips a tasting spoon into a copper saucepan in the first second, tastes at two seconds, pauses one beat, "
                            + "and in the final second nods once.",
                    "Medium close-up, eye level; slow dolly-in; " + STABLE,
                    KITCHEN,
                    KITCHEN_LIGHT + KITCHEN_PALETTE,
                    "", 4,
                    "", "", "Thick sauce coats the spoon and drips slowly back into the pan", "Chef Amara", KITCHEN_OVERRIDES),
            new SampleShot("Kitchen", "SC3-05",
                    "Chef Amara slides the finished plate across the pass to the commis in the first second; he catches it with both hands at two seconds, "
                            + "turns and walks out through the swinging door in the final second.",
                    "Medium two-shot across the pass, eye level; locked tripod camera, no movement",
                    KITCHEN,
                    KITCHEN_LIGHT + KITCHEN_PALETTE,
                    "Chef Amara: 'Hands! Table four, now.'\nCommis: 'Yes, Chef.'", 4,
                    "", "door thump at 00:03",
                    "Ceramic plate with real weight, the door swings back on its hinge and settles, object permanence maintained",
                    "Chef Amara, Commis", KITCHEN_OVERRIDES));

    private SampleWorkbooks() {
    }

    /** Writes both workbooks into the folder given as the first argument (default: spreadsheets). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "spreadsheets");
        Files.createDirectories(folder);
        Files.write(folder.resolve(SAMPLE_FILE), sample());
        Files.write(folder.resolve(TEMPLATE_FILE), template());
        System.out.println("Wrote " + folder.resolve(SAMPLE_FILE) + " and " + folder.resolve(TEMPLATE_FILE));
    }

    public static byte[] sample() {
        return write(true);
    }

    public static byte[] template() {
        return write(false);
    }

    private static byte[] write(boolean withShots) {
        ModelCatalog catalog = ModelCatalog.load();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(ShotSheetReader.SHEET_NAME);
            Styles styles = new Styles(wb);
            ShotColumn[] columns = ShotColumn.values();

            Row title = sheet.createRow(0);
            cell(title, 0, withShots ? TITLE : "Project title — shot list", styles.title);
            Row note = sheet.createRow(1);
            cell(note, 0, "One row per shot. Define each character once on the Characters sheet and the look once on the Style Spine "
                    + "sheet: Dailies writes them into every prompt (change the look of one shot in Overrides, e.g. 'lens: 85mm'). "
                    + "One camera move per shot; name 3-5 palette colours. The header row below must stay; rows above it are free.", styles.note);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.length - 1));

            Row header = sheet.createRow(HEADER_ROW - 1);
            for (ShotColumn c : columns) {
                cell(header, c.ordinal(), c.header(), styles.header);
                sheet.setColumnWidth(c.ordinal(), width(c) * 256);
            }
            sheet.createFreezePane(0, HEADER_ROW);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, 0, columns.length - 1));

            if (withShots) {
                int r = HEADER_ROW;
                for (SampleShot s : SHOTS) {
                    Row row = sheet.createRow(r++);
                    String[] text = {s.sequence(), s.shot(), s.subjectAction(), s.cameraMovement(), s.settingTime(),
                            s.lightingPalette(), STYLE_SPINE, s.dialogue(), catalog.defaultModel().name(), "1280x720"};
                    for (int i = 0; i < text.length; i++) {
                        cell(row, i, text[i], styles.wrapped);
                    }
                    Cell seconds = row.createCell(ShotColumn.SECONDS.ordinal());
                    seconds.setCellValue(s.seconds());
                    seconds.setCellStyle(styles.wrapped);
                    String[][] more = {{ShotColumn.SOUND.name(), s.sound()}, {ShotColumn.AUDIO_CUES.name(), s.audioCues()},
                            {ShotColumn.PHYSICS.name(), s.physics()}, {ShotColumn.CHARACTERS.name(), s.characters()},
                            {ShotColumn.OVERRIDES.name(), s.overrides()}};
                    for (String[] m : more) {
                        if (!m[1].isEmpty()) {
                            cell(row, ShotColumn.valueOf(m[0]).ordinal(), m[1], styles.wrapped);
                        }
                    }
                }
            }
            dropDowns(sheet, catalog);
            characters(wb, styles, withShots);
            styleSpine(wb, styles, withShots);
            settings(wb, styles, catalog, withShots);
            guide(wb, styles);
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Characters sheet: one row per character, its description repeated verbatim by the compiler. */
    private static void characters(XSSFWorkbook wb, Styles styles, boolean withCharacters) {
        Sheet sheet = wb.createSheet(CharacterSheetReader.SHEET_NAMES.get(0));
        String[] head = {"Name", "Description (3-4 distinctive details)", "Reference image", "Aliases"};
        Row h = sheet.createRow(0);
        for (int i = 0; i < head.length; i++) {
            cell(h, i, head[i], styles.header);
        }
        int[] widths = {20, 90, 32, 24};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!withCharacters) {
            return;
        }
        int r = 1;
        for (CharacterAnchor c : CHARACTERS) {
            Row row = sheet.createRow(r++);
            cell(row, 0, c.name(), styles.wrapped);
            cell(row, 1, c.description(), styles.wrapped);
            if (c.hasReferenceImage()) {
                cell(row, 2, c.referenceImage(), styles.wrapped);
            }
            if (!c.aliases().isEmpty()) {
                cell(row, 3, String.join(", ", c.aliases()), styles.wrapped);
            }
        }
    }

    /** The Style Spine sheet, field | value | what to write; the template leaves the values blank. */
    private static void styleSpine(XSSFWorkbook wb, Styles styles, boolean withValues) {
        Sheet sheet = wb.createSheet(StyleSpineSheetReader.SHEET_NAMES.get(0));
        String[] head = {"Field", "Value", "What to write"};
        Row h = sheet.createRow(0);
        for (int i = 0; i < head.length; i++) {
            cell(h, i, head[i], styles.header);
        }
        int[] widths = {18, 50, 90};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int r = 1;
        for (SpineField f : SpineField.values()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, f.label(), styles.wrapped);
            if (withValues && !SPINE.value(f).isEmpty()) {
                cell(row, 1, SPINE.value(f), styles.wrapped);
            }
            cell(row, 2, spineAdvice(f), styles.wrapped);
        }
        sheet.createFreezePane(0, 1);
    }

    /** The Settings sheet, field | value | what to write, with drop-downs on the defaults; the template leaves the values blank. */
    private static void settings(XSSFWorkbook wb, Styles styles, ModelCatalog catalog, boolean withValues) {
        Sheet sheet = wb.createSheet(SettingsSheetReader.SHEET_NAMES.get(0));
        String[] head = {"Field", "Value", "What to write"};
        Row h = sheet.createRow(0);
        for (int i = 0; i < head.length; i++) {
            cell(h, i, head[i], styles.header);
        }
        int[] widths = {18, 30, 90};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        CellStyle dollars = wb.createCellStyle();
        dollars.setDataFormat(wb.createDataFormat().getFormat("$#,##0.00"));
        dollars.setVerticalAlignment(VerticalAlignment.TOP);
        for (SettingsSheetReader.Field f : SettingsSheetReader.Field.values()) {
            Row row = sheet.createRow(f.ordinal() + 1);
            cell(row, 0, f.label(), styles.wrapped);
            if (withValues) {
                switch (f) {
                    case PROJECT_NAME -> cell(row, 1, SETTINGS.projectName(), styles.wrapped);
                    case DEFAULT_MODEL -> cell(row, 1, SETTINGS.defaultModel(), styles.wrapped);
                    case DEFAULT_SIZE -> cell(row, 1, SETTINGS.defaultSize(), styles.wrapped);
                    case DEFAULT_SECONDS -> {
                        Cell c = row.createCell(1);
                        c.setCellValue(SETTINGS.defaultSeconds());
                        c.setCellStyle(styles.wrapped);
                    }
                    case BUDGET -> {
                        Cell c = row.createCell(1);
                        c.setCellValue(SETTINGS.budgetUsd().doubleValue());
                        c.setCellStyle(dollars);
                    }
                }
            }
            cell(row, 2, settingAdvice(f, catalog), styles.wrapped);
        }
        Options options = options(catalog);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        validate(sheet, settingCell(SettingsSheetReader.Field.DEFAULT_MODEL), helper.createExplicitListConstraint(options.models()),
                "Default model", "Default model is usually one of: " + String.join(", ", options.models()));
        validate(sheet, settingCell(SettingsSheetReader.Field.DEFAULT_SIZE), helper.createExplicitListConstraint(options.sizes()),
                "Default size", "Default size is usually one of: " + String.join(", ", options.sizes()));
        validate(sheet, settingCell(SettingsSheetReader.Field.DEFAULT_SECONDS), helper.createExplicitListConstraint(options.seconds()),
                "Default seconds", "Default seconds is usually one of: " + String.join(", ", options.seconds()));
        validate(sheet, settingCell(SettingsSheetReader.Field.BUDGET),
                helper.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                "Budget (USD)", "The budget is an amount in US dollars, zero or more, e.g. 500");
        sheet.createFreezePane(0, 1);
    }

    /** Where a setting's value sits on the template's Settings sheet: column B of its row. */
    public static CellRangeAddressList settingCell(SettingsSheetReader.Field f) {
        return new CellRangeAddressList(f.ordinal() + 1, f.ordinal() + 1, 1, 1);
    }

    private static String settingAdvice(SettingsSheetReader.Field f, ModelCatalog catalog) {
        ModelSpec model = catalog.defaultModel();
        return switch (f) {
            case PROJECT_NAME -> "The project's name in Dailies, e.g. The Queen's Court. At most "
                    + SettingsSheetReader.MAX_PROJECT_NAME + " characters.";
            case DEFAULT_MODEL -> "The model of every shot whose Model cell is blank: " + String.join(" or ", catalog.names())
                    + ". Blank means " + model.name() + ".";
            case DEFAULT_SIZE -> "The size of every shot whose Size cell is blank, e.g. 1280x720. A shot whose model does not "
                    + "render it gets that model's own default. Blank means the model's default (" + model.defaultSize() + ").";
            case DEFAULT_SECONDS -> "The length of every shot whose Seconds cell is blank, e.g. 8. A shot whose model does not "
                    + "render it gets that model's own default. Blank means the model's default (" + model.defaultSeconds() + ").";
            case BUDGET -> "The most this project may spend, in US dollars, e.g. 500. Blank means no budget.";
        };
    }

    private static String spineAdvice(SpineField f) {
        return switch (f) {
            case LENS -> "The lens of every shot, e.g. 35mm. Written on the Camera line unless the row names a lens.";
            case APERTURE -> "e.g. f/2.8. Written with the lens.";
            case CAMERA_LANGUAGE -> "How the camera behaves across the film, e.g. 'anamorphic 2.39:1 feel'. Written on the Style line.";
            case GRADE -> "The look of the image, e.g. 'fine film grain, natural contrast'. Written on the Style line.";
            case PALETTE -> "3-5 named colours, comma-separated, e.g. 'amber, cream, walnut brown'. Written as 'Palette anchors:' on the Lighting line.";
            case STABILITY -> "e.g. 'steady gimbal, stable horizon, no jitter'. Added when the camera moves and the row gives no cue of its own.";
        };
    }

    /** The catalog's models, sizes and lengths, for drop-downs. */
    private record Options(String[] models, String[] sizes, String[] seconds) {
    }

    private static Options options(ModelCatalog catalog) {
        Set<String> sizes = new LinkedHashSet<>();
        Set<String> seconds = new LinkedHashSet<>();
        for (ModelSpec m : catalog.models()) {
            sizes.addAll(m.sizes());
            m.seconds().forEach(s -> seconds.add(String.valueOf(s)));
        }
        return new Options(catalog.names().toArray(String[]::new), sizes.toArray(String[]::new), seconds.toArray(String[]::new));
    }

    /**
     * Model, Size and Seconds offer the catalog's values, Shot type the framings and Camera & Movement the
     * single moves; all only warn, so a new model or the producer's own words can still be typed.
     */
    private static void dropDowns(Sheet sheet, ModelCatalog catalog) {
        Options options = options(catalog);
        list(sheet, ShotColumn.MODEL, options.models());
        list(sheet, ShotColumn.SIZE, options.sizes());
        list(sheet, ShotColumn.SECONDS, options.seconds());
        list(sheet, ShotColumn.SHOT_TYPE, SHOT_TYPES.toArray(String[]::new),
                "Shot type is usually a framing from the list (Wide shot, Medium close-up, Extreme close-up...). "
                        + "Your own words are fine too.");
        list(sheet, ShotColumn.CAMERA_MOVEMENT, CAMERA_MOVES.toArray(String[]::new),
                "Camera & Movement is free text; the list offers single moves (static, slow dolly in, pan left...). "
                        + "Your own description is fine too (one move per shot).");
    }

    private static void list(Sheet sheet, ShotColumn column, String[] values) {
        list(sheet, column, values, column.header() + " is usually one of: " + String.join(", ", values));
    }

    private static void list(Sheet sheet, ShotColumn column, String[] values, String message) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        CellRangeAddressList range = new CellRangeAddressList(HEADER_ROW, HEADER_ROW + VALIDATED_ROWS - 1,
                column.ordinal(), column.ordinal());
        validate(sheet, range, helper.createExplicitListConstraint(values), column.header(), message);
    }

    /** A warning-only validation: Excel asks "Continue?" and keeps what was typed on Yes. */
    private static void validate(Sheet sheet, CellRangeAddressList range, DataValidationConstraint constraint, String title,
                                 String message) {
        DataValidation v = sheet.getDataValidationHelper().createValidation(constraint, range);
        v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        v.setShowErrorBox(true);
        v.createErrorBox(title, message);
        sheet.addValidationData(v);
    }

    /** A sheet explaining each column of 'Shots'; the importer ignores it. */
    private static void guide(XSSFWorkbook wb, Styles styles) {
        Sheet sheet = wb.createSheet(GUIDE_SHEET);
        String[] head = {"Column", "Required", "Also accepted as", "What to write"};
        Row h = sheet.createRow(0);
        for (int i = 0; i < head.length; i++) {
            cell(h, i, head[i], styles.header);
        }
        int[] widths = {22, 10, 40, 90};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int r = 1;
        for (ShotColumn c : ShotColumn.values()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, c.header(), styles.wrapped);
            cell(row, 1, c.required() ? "yes" : "no", styles.wrapped);
            cell(row, 2, String.join(", ", c.aliases()), styles.wrapped);
            cell(row, 3, advice(c), styles.wrapped);
        }
        r++;
        Row characters = sheet.createRow(r++);
        cell(characters, 0, "Characters sheet", styles.wrapped);
        cell(characters, 1, "no", styles.wrapped);
        cell(characters, 2, String.join(", ", CharacterSheetReader.SHEET_NAMES.subList(1, CharacterSheetReader.SHEET_NAMES.size())), styles.wrapped);
        cell(characters, 3, "One row per character: Name, Description (3-4 distinctive visual details, written word for word into every "
                + "prompt that names the character), Reference image (for the Characters API), Aliases (other names the shot list "
                + "uses, e.g. Detective for Detective Reyes).", styles.wrapped);
        Row spine = sheet.createRow(r++);
        cell(spine, 0, "Style Spine sheet", styles.wrapped);
        cell(spine, 1, "no", styles.wrapped);
        cell(spine, 2, String.join(", ", StyleSpineSheetReader.SHEET_NAMES.subList(1, StyleSpineSheetReader.SHEET_NAMES.size())), styles.wrapped);
        cell(spine, 3, "Lens, Aperture, Camera language, Grade, Palette anchors and Stability cues, carried into every shot. "
                + "A shot changes a field only in its Overrides cell, e.g. 'lens: 85mm'.", styles.wrapped);
        Row settings = sheet.createRow(r++);
        cell(settings, 0, "Settings sheet", styles.wrapped);
        cell(settings, 1, "no", styles.wrapped);
        cell(settings, 2, String.join(", ", SettingsSheetReader.SHEET_NAMES.subList(1, SettingsSheetReader.SHEET_NAMES.size())), styles.wrapped);
        cell(settings, 3, "Project name, Default model, Default size, Default seconds and Budget (USD), one per row with its value "
                + "to the right. A shot whose Model, Size or Seconds cell is blank takes the default (a size or length its model "
                + "does not render gives way to the model's own default). The budget is the most the project may spend, in US dollars.",
                styles.wrapped);
        r++;
        Row review = sheet.createRow(r);
        cell(review, 0, "Reviewing in this workbook", styles.wrapped);
        cell(review, 1, "no", styles.wrapped);
        cell(review, 2, "Verdict, Notes", styles.wrapped);
        cell(review, 3, "After a run, download this workbook with results: Dailies adds its columns to the right of yours ("
                + String.join(", ", io.dailies.shotlist.sheet.DailiesColumns.COLUMNS) + "). To review a take, change its Verdict to ACCEPT, RETAKE or REVIEW "
                + "and/or write in its Notes, then upload the workbook again as the shot list: the change is recorded as your "
                + "review of the selected take. Leave Dailies' other columns as they are; they are not stored as your own columns.",
                styles.wrapped);
        sheet.createFreezePane(0, 1);
    }

    private static String advice(ShotColumn c) {
        return switch (c) {
            case SEQUENCE -> "The sequence the shot belongs to, e.g. Castle. Repeat it on every row (no merged cells).";
            case SHOT -> "A code unique within the sequence, e.g. SC1-03.";
            case SUBJECT_ACTION -> "Who does what, in timed beats: 'takes four steps to the window, pauses, and pulls the curtain in the final second'. "
                    + "Name characters as on the Characters sheet: their description is written in for you (or repeat it word for word).";
            case CAMERA_MOVEMENT -> "Shot size and angle, then exactly one move ('slow dolly-in') with 'steady gimbal, stable horizon, no jitter', "
                    + "or 'locked tripod camera'. The drop-down offers single moves (static, slow dolly in, pan left...); your own words work too.";
            case SETTING_TIME -> "Where and when: the place, its materials, the time of day.";
            case LIGHTING_PALETTE -> "Light source and direction ('soft window light from frame left'), then 'Palette anchors:' and 3-5 colours, the same within a sequence.";
            case STYLE_TECHNICAL -> "The look, identical in every row, or left to the Style Spine sheet: lens, aperture, film look.";
            case DIALOGUE -> "Spoken lines, one or two short sentences per speaker, labelled: Detective: 'You're lying.'";
            case MODEL -> "sora-2 or sora-2-pro; blank means the Settings sheet's Default model, else sora-2.";
            case SIZE -> "Width x height: 1280x720 or 720x1280; sora-2-pro also 1792x1024, 1024x1792, 1920x1080, 1080x1920. "
                    + "Blank means the Settings sheet's Default size (when the row's model renders it), else the model's default, 1280x720.";
            case SECONDS -> "4, 8, 12, 16 or 20; blank means the Settings sheet's Default seconds (when the row's model renders it), else 4.";
            case SHOT_TYPE -> "Optional framing shorthand written before the camera text, e.g. 'Extreme close-up'; pick one from the "
                    + "drop-down or type your own.";
            case SOUND -> "The ambient bed, described rather than micromanaged: 'the hum of espresso machines and the murmur of voices'.";
            case AUDIO_CUES -> "A few timed cues, separated by ';': 'door slam at 00:02; footsteps at 00:04'.";
            case PHYSICS -> "Weight, material and contact: 'heavy oak door with metal hinges', 'non-penetrating collision, realistic friction'.";
            case CHARACTERS -> "Characters to reference through the Characters API, from the Characters sheet: 'Queen, Chancellor' (at most 2).";
            case OVERRIDES -> "Style spine fields this shot changes on purpose, 'field: value' separated by ';': 'lens: 85mm; palette: teal, sand, rust'. "
                    + "Fields: lens, aperture, camera language, grade, palette, stability; 'none' leaves a field out.";
            case INPUT_REFERENCE -> "Optional image for the first frame (the API's input reference).";
        };
    }

    private static int width(ShotColumn c) {
        return switch (c) {
            case SEQUENCE -> 15;
            case SHOT -> 10;
            case SUBJECT_ACTION -> 60;
            case CAMERA_MOVEMENT, LIGHTING_PALETTE -> 40;
            case SETTING_TIME -> 36;
            case STYLE_TECHNICAL -> 32;
            case DIALOGUE -> 30;
            case MODEL, SIZE -> 12;
            case SECONDS -> 9;
            case SHOT_TYPE, CHARACTERS, INPUT_REFERENCE -> 18;
            case SOUND, AUDIO_CUES, OVERRIDES -> 30;
            case PHYSICS -> 40;
        };
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        final CellStyle wrapped;

        Styles(XSSFWorkbook wb) {
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);

            Font italic = wb.createFont();
            italic.setItalic(true);
            note = wb.createCellStyle();
            note.setFont(italic);

            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.MEDIUM);

            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        }
    }
}
