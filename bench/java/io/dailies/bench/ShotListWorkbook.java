package io.dailies.bench;

import io.dailies.shotlist.sheet.ShotColumn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A large shot list as a producer's Excel would save it, for the spreadsheet benchmark: a title and a
 * note above the header row, every column {@link ShotColumn} knows plus a free "Notes" column, 100
 * sequences of 1,000 shots with prose of the sample's length (every action different, settings, light
 * and sound repeating within a sequence as they do on real lists), and Characters, Style Spine and
 * Settings sheets like those of {@code spreadsheets/sample-shot-list.xlsx}. Every row passes validation.
 *
 * <p>Text cells go into the shared-strings table, as Excel writes them (POI's streaming writer would
 * inline them, which a reader never sees in a real upload). That table is built in memory while
 * writing, so the benchmark writes the workbook in a child JVM with a larger heap:
 * {@code java -Xmx3g ... io.dailies.bench.ShotListWorkbook FILE [SEQUENCES] [SHOTS_PER_SEQUENCE]}.
 * The same (sequence, shot) always gives the same row: {@link #row} is what the export phase reuses.
 */
final class ShotListWorkbook {

    static final int SEQUENCES = 100;
    static final int SHOTS_PER_SEQUENCE = 1000;
    /** Excel row of the header: a title and a note above it, as on the sample. */
    static final int HEADER_ROW = 3;
    static final String NOTES = "Notes";
    private static final long SEED = 20261124L;

    /** One character of the Characters sheet. */
    record Character(String name, String description, String reference, String aliases) {
    }

    static final List<Character> CHARACTERS = List.of(
            new Character("Queen", "a woman in her sixties with a silver braided crown, a burgundy velvet gown and a jade ring",
                    "references/queen.png", ""),
            new Character("Chancellor", "a gaunt man with a shaved head, a black fur-trimmed robe and a brass chain of office",
                    "references/chancellor.png", ""),
            new Character("Courtiers", "men and women in charcoal wool doublets with mustard sashes and starched white ruffs",
                    "", ""),
            new Character("Detective Reyes", "a woman in her forties with a gray wool overcoat, a loosened navy tie and a silver wristwatch",
                    "references/detective-reyes.png", "Detective, Reyes"),
            new Character("Suspect", "a young man with a buzz cut, a torn denim jacket and a bandaged left hand",
                    "references/suspect.png", ""),
            new Character("Chef Amara", "a tall woman with close-cropped gray hair, a white double-breasted jacket, a red neckerchief "
                    + "and a burn scar on her left forearm", "references/chef-amara.png", "Chef"),
            new Character("Commis", "a lanky young man with a blue striped apron, a paper toque and wire-rimmed glasses",
                    "references/commis.png", ""),
            new Character("Harbourmaster", "a stocky bearded man with a yellow oilskin coat, a knitted blue cap and a brass whistle",
                    "references/harbourmaster.png", ""),
            new Character("Pilot Okafor", "a woman in her thirties with a shaved undercut, an olive flight jacket and aviator goggles "
                    + "pushed up on her forehead", "references/pilot-okafor.png", "Okafor, Pilot"),
            new Character("Archivist", "an elderly man with round tortoiseshell spectacles, a moth-eaten green cardigan and ink-stained fingers",
                    "references/archivist.png", ""),
            new Character("Twins", "two girls of about ten in matching yellow raincoats, red rubber boots and pigtails",
                    "references/twins.png", ""),
            new Character("Courier", "a wiry teenager with a dented bike helmet, a neon-orange vest and a battered messenger bag",
                    "references/courier.png", ""));

    /** The spine's palette; a third of the sequences keep it. */
    static final String SPINE_PALETTE = "burgundy, antique gold, slate gray, candle amber";

    /** The Style Spine sheet, key / value, with the template's notes. */
    static final List<String[]> SPINE = List.of(
            new String[]{"Field", "Value", "What to write"},
            new String[]{"Lens", "35mm", "The lens of every shot, e.g. 35mm. Written on the Camera line unless the row names a lens."},
            new String[]{"Aperture", "f/2.8", "e.g. f/2.8. Written with the lens."},
            new String[]{"Camera language", "anamorphic 2.39:1 feel", "How the camera behaves across the film."},
            new String[]{"Grade", "fine film grain, natural contrast", "The look of the image. Written on the Style line."},
            new String[]{"Palette anchors", SPINE_PALETTE, "3-5 named colours, comma-separated."},
            new String[]{"Stability cues", "steady gimbal, stable horizon, no jitter", "Added when the camera moves and the row gives no cue."});

    /** The Settings sheet, key / value, as on the sample: the project's name, the shot defaults, a budget. */
    static final List<String[]> SETTINGS = List.of(
            new String[]{"Field", "Value", "What to write"},
            new String[]{"Project name", "Benchmark production", "The project's name in Dailies."},
            new String[]{"Default model", "sora-2", "The model of every shot whose Model cell is blank."},
            new String[]{"Default size", "1280x720", "The size of every shot whose Size cell is blank."},
            new String[]{"Default seconds", "4", "The length of every shot whose Seconds cell is blank."},
            new String[]{"Budget (USD)", "50000", "The most this project may spend, in US dollars."});

    private static final String[] PLACES = {
            "Castle", "Throne Room", "Interrogation", "Kitchen", "Harbour", "Airfield", "Archive", "Rooftop", "Market",
            "Subway", "Lighthouse", "Greenhouse", "Library", "Courtroom", "Train Yard", "Observatory", "Ballroom",
            "Boathouse", "Diner", "Monastery", "Border Post", "Ice Rink", "Foundry", "Vineyard", "Newsroom",
            "Hospital Wing", "Carnival", "Quarry", "Tram Depot", "Opera House", "Bakery", "Salt Flats", "Chapel",
            "Server Hall", "Orchard", "Cinema", "Parking Garage", "Stables", "Laundrette", "Botanical Garden",
            "Ferry Deck", "Watchtower", "Print Shop", "Dockyard", "Hotel Lobby", "Tea House", "Glacier Camp",
            "Radio Station", "Mine Shaft", "Cathedral Roof"};
    private static final String[] PARTS = {"Dawn", "Night"};

    private static final String[] MATERIALS = {"weathered gray stone", "rusted corrugated iron", "polished walnut panelling",
            "cracked white tiles", "wet cobblestones", "raw concrete", "peeling green paint", "frosted glass and brass",
            "sun-bleached timber", "black volcanic rock", "red brick streaked with soot", "pale limestone"};
    private static final String[] TIMES = {"at dawn in early spring", "at 2 a.m. in a winter storm", "at noon in high summer",
            "at dusk in late autumn", "just before sunrise", "in the blue hour after sunset", "on an overcast afternoon",
            "at midnight under a full moon"};
    private static final String[] DETAILS = {"thin mist drifting at knee height", "puddles reflecting a flickering neon sign",
            "dust hanging in the air", "a row of iron chandeliers with lit candles", "stacks of wooden crates",
            "a long red carpet runner", "a bank of humming monitors", "rain streaking down tall windows",
            "steam rising from vents in the floor", "bunting snapping in the wind", "shelves of leather-bound ledgers",
            "a single bare bulb swinging on its cord"};
    private static final String[] LIGHT_SOURCES = {"Low golden sunrise backlight from camera right", "Single hard fluorescent panel directly overhead",
            "Shafts of early sun through tall windows from frame left", "Cold moonlight through a skylight", "Warm practical lamps along the walls",
            "Flickering firelight from a hearth at frame right", "Sodium streetlight spill from outside", "Soft overcast daylight from a north window",
            "A single candle on the table", "Red emergency lights pulsing along the ceiling"};
    private static final String[] FILLS = {"cool blue fill from the open sky", "warm candle fill from above", "deep shadows under the arches",
            "bounce from the white tablecloths", "teal spill from the monitors", "no fill, deep contrast", "soft haze in the air",
            "a green tint from the old glass"};
    /** Palettes of the sequences that do not keep the spine's. */
    private static final String[][] PALETTES = {{"teal", "concrete gray", "nicotine yellow", "steel blue"}, {"copper", "cream", "walnut brown"},
            {"sea green", "rust", "fog white", "navy"}, {"olive", "khaki", "gunmetal", "sand"},
            {"rose", "ivory", "charcoal"}, {"ochre", "terracotta", "sage", "bone white"}, {"cobalt", "silver", "black", "sodium orange"}};

    private static final String[] OPENERS = {"Alone at the far end of the room", "In the doorway", "At the edge of the frame",
            "Under the archway", "Beside the long table", "On the wet steps", "Behind the counter", "In the middle of the crowd",
            "At the foot of the stairs", "Near the window", "On the narrow walkway", "Between two pillars"};
    private static final String[] FIRST_BEATS = {"takes three slow steps forward", "turns to face the camera", "sets down a heavy ledger",
            "pulls a folded letter from a coat pocket", "wipes rain from the brow", "lifts a brass lantern", "drums two fingers on the table",
            "glances over one shoulder", "unbuttons a coat collar", "steps out of the shadow", "crouches to pick up a fallen key",
            "pushes the heavy door open"};
    private static final String[] SECOND_BEATS = {"pauses and listens", "looks up at the ceiling", "reads the first line and frowns",
            "raises a hand for silence", "steps back half a pace", "tightens the grip on the railing", "exhales a cloud of breath",
            "nods once", "slides the object across the table", "lets the lantern swing", "checks a wristwatch", "leans in closer"};
    private static final String[] LAST_BEATS = {"the door slams shut behind", "a single torch flares", "a flock of birds lifts from the roof",
            "the lights flicker and steady", "a glass tips over and rolls", "the crowd falls silent", "a distant bell rings",
            "the paper catches the wind and flies off", "the kettle begins to whistle", "a dog barks twice outside",
            "the curtain is pulled back", "the train doors close"};
    private static final String[] CROWD = {"two guards", "a waiter", "a group of tourists", "the night porter", "three pigeons",
            "a cleaner with a mop", "the orchestra", "a young clerk"};

    private static final String[] SHOT_TYPES = {"Extreme wide shot", "Wide shot", "Medium wide shot", "Medium shot",
            "Medium close-up", "Close-up", "Extreme close-up", "Over-the-shoulder shot", "Insert"};
    private static final String[] ANGLES = {"eye level", "low angle", "high angle", "slight side angle", "overhead",
            "at table height", "from across the room", "through the doorway"};
    private static final String[] MOVES = {"slow dolly-in", "slow dolly-out", "slow pan from left to right", "slow tilt up",
            "crane-up from the ground", "tracking shot alongside", "handheld follow", "slow push-in", "orbit half-way around"};
    private static final String[] STILL = {"locked tripod camera, no movement", "static camera on sticks, no movement"};
    private static final String STABILITY = "steady gimbal, stable horizon, no jitter";

    private static final String[] SOUNDS = {"Wind over stone and rooks calling", "Fluorescent hum", "Rain on the roof and distant traffic",
            "Candles hiss and fabric rustles in the hushed hall", "The clatter of pans and the roar of the extractor",
            "Gulls and halyards slapping against masts", "Propeller engines idling on the apron", "Pages turning in a silent room",
            "Murmur of a crowd and a brass band far away", "A ticking wall clock", "Water dripping in a tiled corridor",
            "Crackling fire and the wind in the chimney"};
    private static final String[] CUES = {"door slam", "footsteps", "glass breaks", "phone rings", "thunder clap", "bell tolls",
            "chain rattles", "dog barks", "kettle whistles", "engine starts", "paper tears", "one sharp gasp"};
    private static final String[] PHYSICS = {"Heavy pewter goblet full of wine, firm contact with the table, the liquid obeys gravity, no clipping",
            "Wet wool coat hangs heavy and drips", "The chain has real weight and swings once before settling",
            "Flour dust settles slowly in the light", "Rainwater runs off the brim in a steady stream",
            "Paper flutters and lands flat, no floating", "The boat rocks gently on the swell; ropes stay taut",
            "Boots leave prints in the snow that stay"};
    private static final String[] LINES = {"Bring me the traitor.", "You're lying.", "Or maybe I'm tired.", "We leave at first light.",
            "Where did you find this?", "Nobody goes in there.", "Two minutes. Not one more.", "It was here yesterday.",
            "Say that again.", "I kept the key.", "They're coming up the stairs.", "Table six wants it rare.",
            "The tide turns at four.", "Sign here, and here.", "I never asked for this.", "Look at the date on it."};
    private static final String[] NOTE_TEXTS = {"VFX: add rain in post", "Check continuity of the coat with the previous shot",
            "Pickup shot, low priority", "Client asked for a warmer version", "Use the same seed as the approved take",
            "Music cue starts here", "Alternate ending, render only if budget allows"};

    /** One sequence: its name and the settings, lighting and palette its shots share. */
    record Sequence(String name, List<String> settings, List<String> lighting, String palette, List<Character> cast) {
        /** The Overrides entry every row of the sequence carries: its palette when it is not the spine's. */
        String paletteOverride() {
            return palette.equals(SPINE_PALETTE) ? "" : "palette: " + palette;
        }
    }

    /** One generated shot row: each column's text as typed ("" when left blank); Seconds is a number cell. */
    record ShotRow(String sequence, String shotCode, Map<ShotColumn, String> text, Integer seconds, String notes) {
        String value(ShotColumn c) {
            return text.getOrDefault(c, "");
        }
    }

    private ShotListWorkbook() {
    }

    static int rows(int sequences, int shotsPerSequence) {
        return sequences * shotsPerSequence;
    }

    static Sequence sequence(int index) {
        SplittableRandom r = new SplittableRandom(SEED * 31 + index);
        String name = PLACES[index / PARTS.length % PLACES.length] + " " + PARTS[index % PARTS.length]
                + (index >= PLACES.length * PARTS.length ? " " + (index / (PLACES.length * PARTS.length) + 1) : "");
        String material = pick(r, MATERIALS);
        List<String> settings = new ArrayList<>();
        List<String> lighting = new ArrayList<>();
        // A third of the sequences keep the spine's palette; the others name their own in Overrides on every row.
        String paletteText = index % 3 == 0 ? SPINE_PALETTE : String.join(", ", PALETTES[r.nextInt(PALETTES.length)]);
        String place = PLACES[index / PARTS.length % PLACES.length].toLowerCase(Locale.ROOT);
        for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
            settings.add("The " + place + (i == 0 ? "" : ", " + pick(r, new String[]{"north end", "back room", "upper gallery",
                    "entrance", "service corridor", "far corner"})) + ", " + material + ", " + pick(r, TIMES) + ", "
                    + pick(r, DETAILS) + " and " + pick(r, DETAILS));
            lighting.add(pick(r, LIGHT_SOURCES) + ", " + pick(r, FILLS) + ", " + pick(r, FILLS) + "; Palette anchors: " + paletteText);
        }
        List<Character> cast = new ArrayList<>();
        for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
            Character c = CHARACTERS.get(r.nextInt(CHARACTERS.size()));
            if (!cast.contains(c)) {
                cast.add(c);
            }
        }
        return new Sequence(name, settings, lighting, paletteText, cast);
    }

    /** The shot {@code shot} (0-based) of sequence {@code seq}: always the same text for the same pair. */
    static ShotRow row(Sequence seq, int seqIndex, int shot) {
        SplittableRandom r = new SplittableRandom(SEED * 1_000_003L + seqIndex * 100_003L + shot);
        Map<ShotColumn, String> t = new EnumMap<>(ShotColumn.class);
        Character lead = seq.cast().get(r.nextInt(seq.cast().size()));
        Character other = seq.cast().get(r.nextInt(seq.cast().size()));
        // A blank Seconds cell renders the model's default, 4 s: the beats and cues are written for that.
        Integer secs = r.nextInt(10) == 0 ? null : r.nextInt(10) < 6 ? 4 : r.nextInt(3) < 2 ? 8 : 12;
        int seconds = secs == null ? 4 : secs;

        String leadName = subject(lead);
        StringBuilder action = new StringBuilder();
        action.append(pick(r, OPENERS)).append(' ').append(leadName).append(' ').append(pick(r, FIRST_BEATS))
                .append(" in the first ").append(seconds > 4 ? "two seconds" : "second").append(", ")
                .append(pick(r, SECOND_BEATS)).append(" at ").append(Math.max(2, seconds / 2)).append(" seconds");
        if (other != lead && r.nextBoolean()) {
            action.append(" while ").append(subject(other)).append(' ').append(pick(r, SECOND_BEATS));
        }
        if (r.nextInt(3) == 0) {
            action.append(", as ").append(pick(r, CROWD)).append(' ').append(pick(r, new String[]{"cross behind", "stop to watch",
                    "turn away", "hurry past"}));
        }
        action.append(", and in the final second ").append(pick(r, LAST_BEATS)).append('.');
        t.put(ShotColumn.SEQUENCE, seq.name());
        t.put(ShotColumn.SHOT, shotCode(seqIndex, shot));
        t.put(ShotColumn.SUBJECT_ACTION, action.toString());

        boolean moves = r.nextInt(3) > 0;
        String shotType = pick(r, SHOT_TYPES);
        t.put(ShotColumn.CAMERA_MOVEMENT, shotType + ", " + pick(r, ANGLES) + "; "
                + (moves ? pick(r, MOVES) + (r.nextInt(4) > 0 ? "; " + STABILITY : "") : pick(r, STILL)));
        int setting = r.nextInt(seq.settings().size());
        t.put(ShotColumn.SETTING_TIME, seq.settings().get(setting));
        t.put(ShotColumn.LIGHTING_PALETTE, seq.lighting().get(setting));
        // Half the producers repeat the look on every row; the others leave it to the Style Spine sheet.
        t.put(ShotColumn.STYLE_TECHNICAL, seqIndex % 2 == 0
                ? "Style spine: 35mm lens at f/2.8, anamorphic 2.39:1 feel, fine film grain, natural contrast" : "");
        t.put(ShotColumn.DIALOGUE, r.nextInt(10) < 3 ? lead.name() + ": '" + pick(r, LINES) + "'"
                + (other != lead && r.nextBoolean() ? "\n" + other.name() + ": '" + pick(r, LINES) + "'" : "") : "");
        boolean pro = r.nextInt(5) == 0;
        t.put(ShotColumn.MODEL, pro ? "sora-2-pro" : r.nextInt(4) == 0 ? "" : "sora-2");
        t.put(ShotColumn.SIZE, pro ? pick(r, new String[]{"1920x1080", "1280x720", "1792x1024"})
                : r.nextInt(4) == 0 ? "" : r.nextInt(8) == 0 ? "720x1280" : "1280x720");
        t.put(ShotColumn.SHOT_TYPE, r.nextInt(5) == 0 ? shotType : "");
        t.put(ShotColumn.SOUND, r.nextInt(4) > 0 ? pick(r, SOUNDS) : "");
        t.put(ShotColumn.AUDIO_CUES, r.nextInt(3) == 0 ? cue(r, seconds) + (r.nextBoolean() ? "; " + cue(r, seconds) : "") : "");
        t.put(ShotColumn.PHYSICS, r.nextInt(5) == 0 ? pick(r, PHYSICS) : "");
        // Only characters with a reference image can be referenced.
        List<String> refs = new ArrayList<>();
        if (r.nextInt(5) < 2) {
            for (Character c : List.of(lead, other)) {
                if (!c.reference().isEmpty() && !refs.contains(c.name()) && (refs.isEmpty() || r.nextBoolean())) {
                    refs.add(c.name());
                }
            }
        }
        t.put(ShotColumn.CHARACTERS, String.join(", ", refs));
        String extra = r.nextInt(12) == 0 ? pick(r, new String[]{"lens: 85mm", "lens: 24mm; aperture: f/4",
                "grade: bleach bypass, crushed blacks", "stability: none"}) : "";
        String overrides = seq.paletteOverride();
        t.put(ShotColumn.OVERRIDES, overrides.isEmpty() ? extra : extra.isEmpty() ? overrides : overrides + "; " + extra);
        t.put(ShotColumn.INPUT_REFERENCE, r.nextInt(20) == 0 ? "references/" + shotCode(seqIndex, shot).toLowerCase(Locale.ROOT) + ".png" : "");
        String notes = r.nextInt(7) == 0 ? pick(r, NOTE_TEXTS) : "";
        return new ShotRow(seq.name(), t.get(ShotColumn.SHOT), t, secs, notes);
    }

    /**
     * A text in the shape and of the length of the shot's compiled prompt (action with the characters'
     * descriptions written in, then Camera, Setting, Lighting + palette, Style, the dialogue block,
     * Sound, cues and physics), for report rows; the import phase compiles the real ones.
     */
    static String promptLike(ShotRow row) {
        String action = row.value(ShotColumn.SUBJECT_ACTION);
        for (Character c : CHARACTERS) {
            String named = subject(c);
            int at = action.indexOf(named);
            if (at >= 0) {
                int end = at + named.length();
                action = action.substring(0, end) + " (" + c.description() + ")" + action.substring(end);
            }
        }
        StringBuilder p = new StringBuilder(action);
        p.append("\nCamera: ").append(row.value(ShotColumn.CAMERA_MOVEMENT)).append('.');
        p.append("\nSetting: ").append(row.value(ShotColumn.SETTING_TIME)).append('.');
        p.append("\nLighting + palette: ").append(row.value(ShotColumn.LIGHTING_PALETTE)).append('.');
        p.append("\nStyle: 35mm lens at f/2.8, anamorphic 2.39:1 feel, fine film grain, natural contrast.");
        if (!row.value(ShotColumn.DIALOGUE).isEmpty()) {
            p.append("\n\n<dialogue>\n").append(row.value(ShotColumn.DIALOGUE)).append("\n</dialogue>");
        }
        if (!row.value(ShotColumn.SOUND).isEmpty()) {
            p.append("\n\nSound: ").append(row.value(ShotColumn.SOUND)).append('.');
        }
        if (!row.value(ShotColumn.AUDIO_CUES).isEmpty()) {
            p.append("\nAudio cues: ").append(row.value(ShotColumn.AUDIO_CUES)).append('.');
        }
        if (!row.value(ShotColumn.PHYSICS).isEmpty()) {
            p.append("\n\nPhysics: ").append(row.value(ShotColumn.PHYSICS)).append('.');
        }
        return p.toString();
    }

    /** "door slam at 00:03": a cue inside the shot. */
    private static String cue(SplittableRandom r, int seconds) {
        return String.format(Locale.ROOT, "%s at 00:%02d", pick(r, CUES), 1 + r.nextInt(seconds - 1));
    }

    static String shotCode(int seqIndex, int shot) {
        return String.format(Locale.ROOT, "SC%d-%03d", seqIndex + 1, shot + 1);
    }

    private static String subject(Character c) {
        return c.name().equals("Courtiers") || c.name().equals("Twins") ? "the " + c.name().toLowerCase(Locale.ROOT)
                : c.name().contains(" ") ? c.name() : "the " + c.name().toLowerCase(Locale.ROOT);
    }

    private static String pick(SplittableRandom r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    /** Writes the workbook; returns the number of shot rows. */
    static int write(Path target, int sequences, int shotsPerSequence) throws IOException {
        // Template workbook, 100-row window, compressed temp files, shared strings as Excel saves them.
        try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 100, true, true);
             OutputStream out = Files.newOutputStream(target)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            SXSSFSheet shots = wb.createSheet("Shots");
            shots.createRow(0).createCell(0).setCellValue("Benchmark production — shot list");
            shots.createRow(1).createCell(0).setCellValue("One row per shot. Define each character once on the Characters sheet "
                    + "and the look once on the Style Spine sheet. The header row below must stay; rows above it are free.");
            ShotColumn[] columns = ShotColumn.values();
            Row header = shots.createRow(HEADER_ROW - 1);
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c].header());
                header.getCell(c).setCellStyle(bold);
            }
            header.createCell(columns.length).setCellValue(NOTES);
            header.getCell(columns.length).setCellStyle(bold);
            shots.createFreezePane(2, HEADER_ROW);
            int n = 0;
            for (int s = 0; s < sequences; s++) {
                Sequence seq = sequence(s);
                for (int k = 0; k < shotsPerSequence; k++) {
                    ShotRow row = row(seq, s, k);
                    Row x = shots.createRow(HEADER_ROW + n);
                    for (int c = 0; c < columns.length; c++) {
                        if (columns[c] == ShotColumn.SECONDS) {
                            if (row.seconds() != null) {
                                x.createCell(c).setCellValue(row.seconds());
                            }
                            continue;
                        }
                        String v = row.value(columns[c]);
                        if (!v.isEmpty()) {
                            x.createCell(c).setCellValue(v);
                            if (c >= 2 && c <= 7) {
                                x.getCell(c).setCellStyle(wrap);
                            }
                        }
                    }
                    if (!row.notes().isEmpty()) {
                        x.createCell(columns.length).setCellValue(row.notes());
                    }
                    n++;
                }
            }

            Sheet characters = wb.createSheet("Characters");
            String[] headers = {"Name", "Description (3-4 distinctive details)", "Reference image", "Aliases"};
            Row h = characters.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
                h.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            for (Character c : CHARACTERS) {
                Row x = characters.createRow(r++);
                x.createCell(0).setCellValue(c.name());
                x.createCell(1).setCellValue(c.description());
                if (!c.reference().isEmpty()) {
                    x.createCell(2).setCellValue(c.reference());
                }
                if (!c.aliases().isEmpty()) {
                    x.createCell(3).setCellValue(c.aliases());
                }
            }
            keyValueSheet(wb.createSheet("Style Spine"), SPINE);
            keyValueSheet(wb.createSheet("Settings"), SETTINGS);
            wb.write(out);
            return n;
        }
    }

    private static void keyValueSheet(Sheet sheet, List<String[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Row x = sheet.createRow(i);
            for (int c = 0; c < rows.get(i).length; c++) {
                String v = rows.get(i)[c];
                if (c == 1 && v.matches("\\d+")) {
                    x.createCell(c).setCellValue(Integer.parseInt(v)); // numbers as Excel keeps them
                } else {
                    x.createCell(c).setCellValue(v);
                }
            }
        }
    }

    /** Child-JVM entry: {@code FILE [SEQUENCES] [SHOTS_PER_SEQUENCE]}; prints the row count and the file size. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        int sequences = args.length > 1 ? Integer.parseInt(args[1]) : SEQUENCES;
        int shots = args.length > 2 ? Integer.parseInt(args[2]) : SHOTS_PER_SEQUENCE;
        long start = System.nanoTime();
        int rows = write(target, sequences, shots);
        System.out.printf(Locale.ROOT, "%s ok rows=%d bytes=%d seconds=%.2f%n", SpreadsheetBenchmark.RESULT, rows,
                Files.size(target), (System.nanoTime() - start) / 1e9);
    }
}
