package io.dailies.prompt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the compiler and the linter look for in a shot's text: camera moves and stability cues, timing
 * beats, light sources, physical verbs and material cues, lenses and apertures. Heuristics in plain
 * English vocabulary, kept in one place so the compiler and the linter agree.
 */
final class ShotCues {

    private ShotCues() {
    }

    private static Pattern ci(String re) {
        return Pattern.compile(re, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    // --- lens and aperture ---

    /** "35mm", "85 mm", not "16mm film" or "35mm stock" (a film format, not a lens). */
    static final Pattern LENS = ci("(?<![\\p{L}\\p{N}.])(\\d{2,3}(?:\\.\\d)?)\\s?mm(?![\\p{L}\\p{N}])"
            + "(?!\\s*(?:film|stock|footage|print|format|negative|camera))");
    /** "f/2.8", "f / 4", "F/1.4". */
    static final Pattern APERTURE = ci("(?<![\\p{L}\\p{N}])f\\s?/\\s?(\\d{1,2}(?:\\.\\d{1,2})?)(?![\\p{N}])");

    private static final Cue LENS_CUE = new Cue(LENS, "mm");
    private static final Cue APERTURE_CUE = new Cue(APERTURE, "/");

    /** The focal length a lens value names, "85 mm" → "85"; empty when it names none. */
    static Optional<String> lensNumber(String text) {
        Matcher m = LENS_CUE.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(number(m.group(1))) : Optional.empty();
    }

    static Optional<String> apertureNumber(String text) {
        Matcher m = APERTURE_CUE.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(number(m.group(1))) : Optional.empty();
    }

    /** Every lens the text names, as numbers ("35"), in order. */
    static List<String> lenses(String text) {
        return numbers(LENS_CUE, text);
    }

    static List<String> apertures(String text) {
        return numbers(APERTURE_CUE, text);
    }

    private static List<String> numbers(Cue p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(number(m.group(1)));
        }
        return out;
    }

    // Compiled once: these run for every lens, aperture and action the compiler reads.
    private static final Pattern TRAILING_ZEROS = Pattern.compile("0+$");
    private static final Pattern TRAILING_DOT = Pattern.compile("\\.$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)");
    private static final Pattern CUE_SEPARATOR = Pattern.compile("\\s*(?:;|\\R)\\s*");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s\u2014\u2013]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026])\\s+");

    private static String number(String n) {
        return n.contains(".") ? TRAILING_DOT.matcher(TRAILING_ZEROS.matcher(n).replaceAll("")).replaceAll("") : n;
    }

    /** Replaces each match of {@code p} whose number differs from {@code number} by {@code replacement}. */
    static String replaceOther(Pattern p, String text, String number, String replacement) {
        Cue cue = p == LENS ? LENS_CUE : p == APERTURE ? APERTURE_CUE : new Cue(p, new String[0], t -> true);
        if (!cue.mayMatch(text)) {
            return text;
        }
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String r = number(m.group(1)).equals(number) ? m.group() : replacement;
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // --- camera ---

    /** Move families; each entry is one kind of camera move. "dolly track" and "on rails" are supports, not moves. */
    private static final Map<String, Cue> MOVES = moves();

    private static Map<String, Cue> moves() {
        Map<String, Cue> m = new LinkedHashMap<>();
        m.put("dolly", new Cue(ci("\\b(?:dolly(?:ing|ies|ied)?(?:[-\\s]?(?:in|out|back|forward|along|toward|towards))?"
                + "|push(?:es|ing)?[-\\s]?in|pull(?:s|ing)?[-\\s]?(?:back|out)|push[-\\s]in|pull[-\\s]back)\\b(?![-\\s]?track)"), "dolly", "push", "pull"));
        m.put("tracking", new Cue(ci("\\b(?:track(?:s|ing)?|truck(?:s|ing)?)\\b"), "track", "truck"));
        m.put("pan", new Cue(ci("\\b(?:whip[-\\s]?pan(?:s|ning)?|pann(?:ing|ed)"
                + "|pans?(?=\\s+(?:left|right|across|from|to|over|up|down|along|following|with|slowly|back|round|around)\\b)"
                + "|(?<=(?:slow|slowly|quick|fast|gentle|smooth|steady|lateral|camera|a|one)[-\\s])pan)\\b"), "pan"));
        m.put("tilt", new Cue(ci("\\b(?<!dutch\\s)tilt(?:s|ing)?(?:[-\\s](?:up|down))?\\b"), "tilt"));
        m.put("crane", new Cue(ci("\\b(?:crane(?:s|d)?|craning|jib(?:s|bing)?|boom(?:s|ing)?(?=[-\\s](?:up|down)\\b)|pedestal(?:s|ing)?(?=\\s(?:up|down)\\b))"
                + "(?:[-\\s](?:up|down|shot|move))?\\b"), "cran", "jib", "boom", "pedestal"));
        m.put("zoom", new Cue(ci("\\b(?:crash[-\\s]?|snap[-\\s]?)?zoom(?:s|ing|ed)?(?:[-\\s](?:in|out))?\\b"), "zoom"));
        m.put("orbit", new Cue(ci("\\b(?:orbit(?:s|ing)?|arc(?:s|ing)?(?=\\s+(?:around|round|shot|move)\\b)|circl(?:es|ing)\\s+(?:around|round))\\b"), "orbit", "arc", "circl"));
        m.put("fly-through", new Cue(ci("\\b(?:fly[-\\s]?(?:over|through|by)|flyover|flythrough)\\b"), "fly"));
        return m;
    }

    private static final Pattern SUPPORTS_PATTERN = ci("\\bdolly[-\\s]tracks?\\b|\\bon\\s+(?:a\\s+)?(?:track|tracks|rails)\\b|\\bfollow[-\\s]focus\\b");
    private static final Cue SUPPORTS = new Cue(SUPPORTS_PATTERN, "dolly", "track", "rails", "follow");
    private static final Pattern NEGATION = ci("(?:\\bno|\\bwithout|\\bnot|\\bnever|\\bavoid)\\s+(?:\\w+\\s+){0,2}$");
    private static final Cue HANDHELD = new Cue(ci("\\bhand[-\\s]?held\\b"), "held");
    private static final Cue STABILITY = new Cue(ci("\\b(?:steady|steadily|stable|stabili[sz]\\w*|gimbal|jitter|smooth(?:ly)?|steadicam"
            + "|slider|shake[-\\s]?free|no\\s+shake|no\\s+wobble|dolly\\s+tracks?|on\\s+rails|locked(?:[-\\s]off)?|tripod)\\b"),
            "stead", "stab", "gimbal", "jitter", "smooth", "slider", "shake", "wobble", "dolly", "rails", "locked", "tripod");

    /** The distinct camera moves a camera text asks for, in the order they first appear; negated ones ("no pan") skipped. */
    static List<String> moves(String camera) {
        List<String> found = new ArrayList<>();
        if (camera == null || camera.isBlank()) {
            return found;
        }
        String text = SUPPORTS.mayMatch(camera) ? SUPPORTS.pattern().matcher(camera).replaceAll(" ") : camera;
        List<int[]> hits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Cue> e : MOVES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            while (m.find()) {
                String before = text.substring(Math.max(0, m.start() - 30), m.start());
                if (NEGATION.matcher(before).find()) {
                    continue;
                }
                hits.add(new int[] {m.start(), names.size()});
                names.add(e.getKey());
            }
        }
        hits.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] h : hits) {
            String n = names.get(h[1]);
            if (!found.contains(n)) {
                found.add(n);
            }
        }
        return found;
    }

    static boolean handheld(String camera) {
        return HANDHELD.find(camera);
    }

    /** Whether the camera moves under its own power (a move, not a handheld shake). */
    static boolean moving(String camera) {
        return !moves(camera).isEmpty();
    }

    static boolean hasStabilityCue(String camera) {
        return STABILITY.find(camera);
    }

    private static final Pattern FRAMING = ci("\\b(?:wide|medium|close[-\\s]?ups?|closeups?|ecu|mcu|mcs|ws|ms|establishing|two[-\\s]shot"
            + "|three[-\\s]shot|over[-\\s]the[-\\s]shoulder|ots|aerial|top[-\\s]down|bird'?s[-\\s]eye|overhead\\s+shot|insert|pov"
            + "|point[-\\s]of[-\\s]view|long\\s+shot|full\\s+shot|cowboy|profile|eye[-\\s]level|low[-\\s]angle|high[-\\s]angle"
            + "|dutch|shot\\s+size|framing|framed|centred|centered)\\b");

    /** Whether the camera text names a shot size, angle or framing ("wide shot, low angle"). */
    static boolean hasFraming(String camera) {
        return camera != null && FRAMING.matcher(camera).find();
    }

    // --- action and timing ---

    private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+";
    private static final Pattern TIMING = ci("\\b(?:seconds?|secs?|beats?|pause[sd]?|pausing|once|twice)\\b"
            + "|\\b\\d{1,2}:\\d{2}\\b|\\b\\d+(?:\\.\\d+)?\\s?s\\b"
            + "|\\b(?:" + NUMBER_WORDS + ")\\s+(?:steps?|strides?|paces?|times|beats?|taps?|knocks?)\\b");

    /** Whether an action gives beats or timing: seconds, counted steps, pauses, timestamps. */
    static boolean hasTiming(String action) {
        return action != null && TIMING.matcher(action).find();
    }

    /**
     * {@code WHITESPACE.split(stripped).length >= 2} without the split: a stripped text has no whitespace at
     * either end, so it splits in two or more exactly when it holds a whitespace character ({@code \s}).
     */
    private static boolean twoWords(String stripped) {
        for (int i = 0; i < stripped.length(); i++) {
            switch (stripped.charAt(i)) {
                case ' ', '\t', '\n', '\u000B', '\f', '\r' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static final Pattern CLAUSE_SEPARATOR = ci("\\s*(?:[.;!?,:]|\\bthen\\b)\\s*");

    /**
     * How many beats an action has: its clauses (between commas, semicolons, sentence ends and "then") of
     * two words or more, once bracketed text and the bible's descriptions are taken out.
     */
    static int beats(String action, CharacterBible bible) {
        if (action == null || action.isBlank()) {
            return 0;
        }
        String text = BRACKETED.matcher(action).replaceAll(" ");
        for (CharacterAnchor c : bible.characters()) {
            text = text.replace(", " + c.description() + ",", " ").replace(c.description(), " ");
        }
        int n = 0;
        for (String clause : CLAUSE_SEPARATOR.split(text)) {
            if (twoWords(clause.strip())) {
                n++;
            }
        }
        return n;
    }

    private static final Cue QUOTED_SPEECH = new Cue(ci("\\b(?:says|said|asks|asked|shouts|shouted|whispers|whispered|replies|replied"
            + "|answers|answered|yells|yelled|mutters|muttered|snaps|cries|exclaims|murmurs)\\b[,:]?\\s*[\"\u201c'\u2018]"
            + "|[\"\u201c][^\"\u201d]{3,}[\"\u201d]"),
            "\"", "\u201c", "'", "\u2018");

    /** Whether the text holds a spoken line ("she says 'Run!'") that belongs in the Dialogue column. */
    static boolean hasQuotedSpeech(String text) {
        return QUOTED_SPEECH.find(text);
    }

    // --- lighting ---

    private static final Pattern LIGHT_SOURCE = ci("\\b(?:windows?|lamps?|sun|sunlight|sunrise|sunset|daylight|moon|moonlight|candles?"
            + "|candlelight|fire|fireplace|firelight|torch(?:es|light)?|neon|fluorescents?|practicals?|key(?:\\s+light)?|fill|rim"
            + "|back[-\\s]?light|backlit|overhead|street\\s?lights?|headlights?|screens?|monitors?|spotlights?|flash|lanterns?|bulbs?"
            + "|led|panels?|chandeliers?|heat\\s+lamps?|flames?|skylights?|sky|softbox|bounce|reflectors?|tungsten|sodium|hmi"
            + "|strobes?|lightning|glow|shafts?|beams?|dawn|dusk|golden\\s+hour|blue\\s+hour|sunbeams?|embers?|hearth)\\b");
    private static final Pattern LIGHT_DIRECTION = ci("\\b(?:from\\s+(?:the\\s+)?[\\w-]+|frame[-\\s](?:left|right)|camera[-\\s](?:left|right)"
            + "|screen[-\\s](?:left|right)|overhead|above|below|behind|beneath|backlit|back[-\\s]?light\\w*|side[-\\s]?light\\w*"
            + "|rim|top[-\\s]?light\\w*|under[-\\s]?light\\w*|raking|directly|low[-\\s]angle|high[-\\s]angle|left|right"
            + "|east|west|north|south)\\b");

    static boolean hasLightSource(String lighting) {
        return lighting != null && LIGHT_SOURCE.matcher(lighting).find();
    }

    static boolean hasLightDirection(String lighting) {
        return lighting != null && LIGHT_DIRECTION.matcher(lighting).find();
    }

    // --- setting ---

    private static final Pattern TIME = ci("\\b(?:dawn|dusk|morning|noon|midday|afternoon|evening|night|nights|midnight|twilight"
            + "|sunrise|sunset|golden\\s+hour|blue\\s+hour|day|daytime|daybreak|nighttime|overnight|tonight|today|o'clock"
            + "|spring|summer|autumn|fall|winter|century|era|\\d{4}s?|\\d{1,2}\\s?(?:a\\.?m\\.?|p\\.?m\\.?)|a\\.m|p\\.m)"
            + "|\\b\\d{1,2}:\\d{2}\\b");

    static boolean hasTime(String setting) {
        return setting != null && TIME.matcher(setting).find();
    }

    // --- style ---

    private static final Pattern CONCRETE_STYLE = ci("\\d+\\s?mm|f\\s?/\\s?\\d|\\d(?:\\.\\d+)?:1|\\b(?:grain|grainy|film|stock|grade|graded|grading"
            + "|contrast|saturat\\w*|desaturated|lut|kodak|fuji|portra|ektachrome|anamorphic|aspect|documentary|noir|vhs|super\\s?8"
            + "|imax|lens|bokeh|depth\\s+of\\s+field|shutter|fps|frame\\s+rate|colou?r|palette|tones?|era|\\d{4}s|style\\s+of"
            + "|inspired|reference|technicolor|bleach|matte|halation|diffusion|filter|muted|pastel|monochrome|black[-\\s]and[-\\s]white"
            + "|sepia|vintage|period|naturalistic|realism|texture|handheld|newsreel|animation|animated|stop[-\\s]motion|claymation"
            + "|watercolou?r|illustrat\\w*|painterly|spine)\\b");

    /** Whether a style names something concrete: a lens, a film stock, a grade, an era, a format. */
    static boolean hasConcreteStyle(String style) {
        return style != null && CONCRETE_STYLE.matcher(style).find();
    }

    // --- physics ---

    private static final Cue PHYSICAL_VERB = new Cue(ci("\\b(?:drops?|dropped|dropping|falls?|falling|fell|bounc(?:e|es|ed|ing)"
            + "|throws?|throwing|thrown|threw|toss(?:es|ed|ing)?|catch(?:es|ing)?|caught|slid(?:e|es|ing)?|spill(?:s|ed|ing)?"
            + "|pour(?:s|ed|ing)?|splash(?:es|ed|ing)?|lands?|landed|landing|slams?|slammed|slamming|crash(?:es|ed|ing)?"
            + "|collid(?:e|es|ed|ing)|smash(?:es|ed|ing)?|shatter(?:s|ed|ing)?|breaks?|breaking|broke|rolls?|rolled|rolling"
            + "|swings?|swinging|swung|toppl(?:e|es|ed|ing)|knocks?\\s+over|kicks?|kicked|kicking|tumbl(?:e|es|ed|ing)"
            + "|flips?|flipped|flipping|drips?|dripped|dripping|ricochet\\w*|splatter\\w*|crumbl(?:e|es|ed|ing))\\b"),
            "drop", "fall", "fell", "bounc", "throw", "thrown", "threw", "toss", "catch", "caught", "slid", "spill", "pour",
            "splash", "land", "slam", "crash", "collid", "smash", "shatter", "break", "broke", "roll", "swing", "swung",
            "toppl", "knock", "kick", "tumbl", "flip", "drip", "ricochet", "splatter", "crumbl");
    private static final Cue PHYSICS_CUE = new Cue(ci("\\b(?:heavy|heavier|weight|weighs|weighted|weightless|kg|kilos?|kilograms?|grams?|\\d+\\s?g"
            + "|pounds?|lbs?|ounces?|rigid|momentum[-\\w]*|mass|gravity|inertia|dense|solid|hollow"
            + "|wood|wooden|oak|pine|steel|iron|cast[-\\s]iron|metal|metallic|glass|ceramic|porcelain|stone|rubber|paper|cardboard"
            + "|fabric|cloth|leather|plastic|brass|copper|pewter|concrete|asphalt|liquid|wet|sand|ice|denim|gauze|velvet|wool"
            + "|marble|tile|tiled|gravel|mud|foam|sauce|oil|water|wine|silk|linen|felt|clay|porcelain"
            + "|contact|friction|collision|non[-\\s]penetrating|clipping|impact|surface|against|onto|traction|settles?|at\\s+rest"
            + "|comes\\s+to\\s+rest|no\\s+bounce|hinge[sd]?)\\b"),
            new String[] {"heav", "weigh", "kg", "kilo", "gram", "pound", "lb", "ounce", "rigid", "momentum", "mass", "gravity",
                    "inertia", "dense", "solid", "hollow", "wood", "oak", "pine", "steel", "iron", "metal", "glass", "ceramic",
                    "porcelain", "stone", "rubber", "paper", "cardboard", "fabric", "cloth", "leather", "plastic", "brass", "copper",
                    "pewter", "concrete", "asphalt", "liquid", "wet", "sand", "ice", "denim", "gauze", "velvet", "wool", "marble",
                    "tile", "gravel", "mud", "foam", "sauce", "oil", "water", "wine", "silk", "linen", "felt", "clay", "contact",
                    "friction", "collision", "penetrating", "clipping", "impact", "surface", "against", "onto", "traction",
                    "settle", "rest", "bounce", "hinge"},
            t -> Cue.digitThen(t, 'g', false));

    /** The physical verbs of an action ("drops", "slides", "bounces"), in order, each once. */
    static List<String> physicalVerbs(String action) {
        List<String> out = new ArrayList<>();
        if (action == null) {
            return out;
        }
        for (String match : PHYSICAL_VERB.startingMatches(action, false)) { // every alternative starts with its word
            String v = match.toLowerCase(Locale.ROOT);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Whether a text states a weight, a material or a contact ("heavy pewter goblet", "friction on brushed steel"). */
    static boolean hasPhysicsCue(String text) {
        return PHYSICS_CUE.find(text);
    }

    private static final Cue OBJECT_HANDLING = new Cue(ci("\\b(?:slid(?:e|es|ing)|hand(?:s|ed|ing)\\s+(?:over|a|an|the|it|him|her|them)"
            + "|pass(?:es|ed|ing)\\s+(?:a|an|the|it|him|her|them)|carr(?:y|ies|ied|ying)|plac(?:e|es|ed|ing)|sets?\\s+down|puts?\\s+down"
            + "|pick(?:s|ed|ing)?\\s+up|gather(?:s|ed|ing)|toss(?:es|ed|ing)?|throws?|threw|catch(?:es|ing)?|caught"
            + "|lays?\\s+(?:a|an|the|his|her|their)|laid|drops?\\s+(?:a|an|the|his|her|their)|mov(?:es|ed|ing)\\s+(?:a|an|the|his|her|their)"
            + "|lowers?\\s+(?:a|an|the|his|her|their))\\b"),
            "slid", "hand", "pass", "carr", "plac", "set", "put", "pick", "gather", "toss", "throw", "threw", "catch", "caught",
            "lay", "laid", "drop", "mov", "lower");
    private static final Pattern OBJECT_PERMANENCE = ci("\\bobject\\s+permanence\\b");

    /** The first object-handling phrase of an action ("slides the plate"), if any. */
    static Optional<String> objectHandling(String action) {
        // every alternative starts with its word
        return OBJECT_HANDLING.startingMatches(action, true).stream().findFirst();
    }

    static boolean hasObjectPermanence(String text) {
        return text != null && OBJECT_PERMANENCE.matcher(text).find();
    }

    // --- API parameters written into the prose ---

    /**
     * The API parameters a text may ask for, as alternatives of one pattern in this order, each with its own words:
     * the first match is the leftmost, and at the same place the earlier alternative's.
     */
    private static final List<Cue> PARAMETERS = List.of(
            new Cue(ci("\\b\\d{3,4}\\s?[x\u00d7]\\s?\\d{3,4}\\b"), new String[0],
                    t -> Cue.digitThen(t, 'x', false) || Cue.digitThen(t, '\u00d7', false)),
            new Cue(ci("\\bsora[-\\s]?2(?:[-\\s]?pro)?\\b|\\b(?:720|1080|1440|2160)p\\b|\\b[48]k\\b|\\b(?:uhd|full\\s+hd)\\b"
                    + "|\\bresolution\\b"), "sora", "720p", "1080p", "1440p", "2160p", "4k", "8k", "hd", "resolution"),
            new Cue(ci("\\b\\d{1,2}[-\\s]?(?:second|sec|s)[-\\s](?:long|clip|video|duration)\\b"), new String[0],
                    t -> (t.contains("long") || t.contains("clip") || t.contains("video") || t.contains("duration"))
                            && Cue.digitThen(t, 's', true)),
            new Cue(ci("\\bduration\\b"), "duration"));

    /** The first API parameter the prose asks for ("1920x1080", "4K", "sora-2-pro", "12-second clip"), if any. */
    static Optional<String> parameterInProse(String text) {
        Matcher first = null;
        for (Cue alternative : PARAMETERS) {
            Matcher m = alternative.matcher(text == null ? "" : text);
            if (m.find() && (first == null || m.start() < first.start())) {
                first = m;
            }
        }
        return first == null ? Optional.empty() : Optional.of(first.group());
    }

    // --- audio ---

    private static final Pattern TIMESTAMP = Pattern.compile("\\b(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?\\b");
    /** "at 2 s", "at 2.5 seconds", "@ 3 sec" (what the scorer's cue reader also accepts). */
    private static final Pattern SECONDS_MARK = ci("(?:\\bat|@)\\s+(?:the\\s+)?(\\d+(?:\\.\\d+)?)(?:\\s*(?:s|secs?|seconds?)\\b|-second\\s+mark\\b)");

    /** The cues of an Audio cues cell, split on ';' and line breaks. */
    static List<String> audioCues(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String part : CUE_SEPARATOR.split(cell.strip())) {
            String p = part.strip();
            if (p.endsWith(".")) {
                p = p.substring(0, p.length() - 1).strip();
            }
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The time a cue is at, in seconds ("door slam at 00:02" or "at 2 s" → 2.0); empty when it names none. */
    static Optional<Double> cueTime(String cue) {
        Matcher m = TIMESTAMP.matcher(cue);
        if (!m.find()) {
            Matcher s = SECONDS_MARK.matcher(cue);
            return s.find() ? Optional.of(Double.parseDouble(s.group(1))) : Optional.empty();
        }
        double t = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            t += Double.parseDouble("0." + m.group(3));
        }
        return Optional.of(t);
    }

    // --- dialogue ---

    /** One speaker's line: the label as written ("" when unlabelled) and what is said. */
    record Turn(String speaker, String line) {
    }

    private static final Pattern TURN = Pattern.compile("^([^:\"]{1,40}): \"(.*)\"$");

    static List<Turn> turns(String dialogue) {
        List<Turn> out = new ArrayList<>();
        for (String l : PromptCompiler.dialogueLines(dialogue)) {
            Matcher m = TURN.matcher(l);
            out.add(m.matches() ? new Turn(m.group(1).strip(), m.group(2)) : new Turn("", l));
        }
        return out;
    }

    static int words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : WORD_SEPARATOR.split(t).length;
    }

    /** "Hands! Table four, now." → 2. */
    static int sentences(String text) {
        int n = 0;
        for (String s : SENTENCE_END.split(text == null ? "" : text)) {
            if (s.chars().anyMatch(java.lang.Character::isLetterOrDigit)) {
                n++;
            }
        }
        return n;
    }

    // --- containment ---

    /** Whether {@code text} contains {@code part}, ignoring case and runs of spaces. */
    static boolean containsLoosely(String text, String part) {
        if (part == null || part.isBlank()) {
            return true;
        }
        return normal(text).contains(normal(part));
    }

    /** {@link #containsLoosely} of a text already {@link #normal normalised}. */
    static boolean containsNormalised(String normalText, String part) {
        if (part == null || part.isBlank()) {
            return true;
        }
        return normalText.contains(normal(part));
    }

    static String normal(String s) {
        return s == null ? "" : oneSpace(s.toLowerCase(Locale.ROOT)).strip();
    }

    /** {@code s.replaceAll("\\s+", " ")}: each run of whitespace one space. */
    static String oneSpace(String s) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' || !Cue.space(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < n && Cue.space(s.charAt(end))) {
                end++;
            }
            if (out == null && (c != ' ' || end > i + 1)) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

    /** Replaces every occurrence of {@code part} (ignoring case) by {@code replacement}. */
    static String replaceLoosely(String text, String part, String replacement) {
        if (part == null || part.isBlank()) {
            return text;
        }
        StringBuilder re = new StringBuilder();
        String[] words = WHITESPACE.split(part.strip());
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                re.append("\\s+");
            }
            re.append(Pattern.quote(words[i]));
        }
        return ci(re.toString()).matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }
}
