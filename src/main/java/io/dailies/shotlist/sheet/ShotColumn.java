package io.dailies.shotlist.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a shot list, in the template's order: the five pillars of a prompt, the dialogue and
 * the render parameters, then the optional sound, physics, character-reference, override and input
 * reference columns. Producers title their columns in many ways, so headers are matched
 * forgivingly: case, spacing and punctuation do not matter, '&', '+', '/' and 'and' are the same,
 * and a hint in parentheses such as "(s)" may be left out.
 */
public enum ShotColumn {
    SEQUENCE("Sequence", true, "Seq", "Scene", "Sc", "Sequence name", "Scene name"),
    SHOT("Shot", true, "Shot #", "Shot ID", "Shot code", "Shot No.", "Shot number"),
    SUBJECT_ACTION("Subject & Action", true, "Action", "Subject", "Action & Timing", "Action beats"),
    CAMERA_MOVEMENT("Camera & Movement", false, "Camera", "Cam", "Lens", "Camera move", "Movement", "Camera & Lens", "Framing"),
    SETTING_TIME("Setting & Time", false, "Setting", "Location", "Location & Time", "Time of day", "Environment"),
    LIGHTING_PALETTE("Lighting & Palette", false, "Lighting", "Palette", "Light", "Colour palette", "Color palette", "Palette anchors"),
    STYLE_TECHNICAL("Style & Technical", false, "Style", "Technical", "Style spine", "Look"),
    DIALOGUE("Dialogue", false, "Lines", "Dialog", "Spoken lines", "Audio & Dialogue"),
    MODEL("Model", false, "Video model", "Model name"),
    SIZE("Size", false, "Resolution", "Res", "Frame size", "Dimensions"),
    SECONDS("Seconds", false, "Duration (s)", "Duration", "Length (s)", "Length", "Secs", "Duration (sec)"),
    // Optional columns added after the original eleven, so the template's letters A-K stay where they were.
    SHOT_TYPE("Shot type", false, "Shot size", "Type of shot", "Coverage"),
    SOUND("Sound", false, "Ambient sound", "Ambience", "Ambient", "Audio", "Sound bed", "Background sound", "Atmos"),
    AUDIO_CUES("Audio cues", false, "Sound cues", "Timed cues", "Timed audio", "Cues", "SFX", "Sound effects"),
    PHYSICS("Physics", false, "Physics cues", "Physical cues", "Physics constraints", "Physics & Materials", "Materials"),
    CHARACTERS("Characters", false, "Character references", "Character refs", "Characters to reference", "Cast"),
    OVERRIDES("Overrides", false, "Override", "Style overrides", "Spine overrides", "Style spine overrides"),
    INPUT_REFERENCE("Input reference", false, "Reference image", "Input image", "Image reference", "First frame");

    /** Enum constants are built before the enum's own static fields, so the patterns live here. */
    private static final class Patterns {
        static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
        static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    }

    private final String header;
    private final boolean required;
    private final List<String> aliases;
    private final List<String> keys;

    ShotColumn(String header, boolean required, String... aliases) {
        this.header = header;
        this.required = required;
        this.aliases = List.of(aliases);
        List<String> k = new ArrayList<>();
        k.add(key(header));
        Arrays.stream(aliases).map(ShotColumn::key).forEach(k::add);
        this.keys = List.copyOf(k);
    }

    /** The header as the template spells it, e.g. "Subject & Action". */
    public String header() {
        return header;
    }

    /** Other headers accepted for this column, e.g. "Shot #" for Shot. */
    public List<String> aliases() {
        return aliases;
    }

    /** Whether a shot list without this column cannot be imported. */
    public boolean required() {
        return required;
    }

    /** The column a header cell names, if any. */
    public static Optional<ShotColumn> forHeader(String text) {
        return Optional.ofNullable(match(text)).map(Match::column);
    }

    /** A recognised header and how good the match is: 0 for the canonical header, then alias order. */
    record Match(ShotColumn column, int rank) {
    }

    /** Matches a header cell; null when it names no known column. */
    static Match match(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Match m = matchKey(key(text));
        if (m == null) {
            // "Seconds (per shot)": the parenthesised hint is not part of the name
            String bare = Patterns.PARENTHESES.matcher(text).replaceAll(" ");
            m = matchKey(key(bare));
        }
        return m;
    }

    private static Match matchKey(String key) {
        if (key.isEmpty()) {
            return null;
        }
        for (ShotColumn c : values()) {
            int rank = c.keys.indexOf(key);
            if (rank >= 0) {
                return new Match(c, rank);
            }
        }
        return null;
    }

    /** "Subject + Action", "subject and action" and "SUBJECT/ACTION" all become "subjectaction". */
    static String key(String text) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Patterns.WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!m.group().equals("and")) {
                sb.append(m.group());
            }
        }
        return sb.toString();
    }
}
