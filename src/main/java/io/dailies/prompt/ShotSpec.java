package io.dailies.prompt;

import io.dailies.core.ShotContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the compiler and the linter need from one shot: the five pillars and the sound as the
 * producer wrote them, the style-spine overrides, the characters to reference, and the API parameters.
 * Blank text is "". The API parameters (model, size, seconds, input reference, character references)
 * never reach the prose: see {@link VideoParameters}.
 *
 * @param sequence        sequence name, e.g. "Castle" ("" when unknown)
 * @param shotCode        shot code, e.g. "SC1-03" ("" when unknown)
 * @param subjectAction   pillar 1: who does what, with timing beats
 * @param cameraMovement  pillar 2: framing and the one camera move
 * @param settingTime     pillar 3: where and when
 * @param lightingPalette pillar 4: light source, direction and palette
 * @param styleTechnical  pillar 5: the look
 * @param shotType        framing shorthand written before the camera text, e.g. "Extreme close-up"
 * @param dialogue        speaker-labelled lines
 * @param sound           the ambient bed, e.g. "the hum of espresso machines and the murmur of voices"
 * @param audioCues       a few timed cues, e.g. "door slam at 00:02; footsteps at 00:04"
 * @param physics         weight, material, contact and force constraints
 * @param characters      characters to reference through the Characters API (bible names or aliases)
 * @param overrides       the style-spine fields this shot changes on purpose
 * @param model           catalog model name ("" for the catalog default)
 * @param size            "WIDTHxHEIGHT" ("" for the model default)
 * @param seconds         clip length (0 for the model default)
 * @param inputReference  image anchoring the first frame ("" when none)
 */
public record ShotSpec(String sequence, String shotCode,
                       String subjectAction, String cameraMovement, String settingTime, String lightingPalette,
                       String styleTechnical, String shotType,
                       String dialogue, String sound, String audioCues, String physics,
                       List<String> characters, SpineOverrides overrides,
                       String model, String size, int seconds, String inputReference) {

    private static final Pattern NAME_SEPARATOR = Pattern.compile("(?i)\\s*(?:[,;&\\n]|\\band\\b)\\s*");

    public ShotSpec {
        sequence = text(sequence);
        shotCode = text(shotCode);
        subjectAction = text(subjectAction);
        cameraMovement = text(cameraMovement);
        settingTime = text(settingTime);
        lightingPalette = text(lightingPalette);
        styleTechnical = text(styleTechnical);
        shotType = text(shotType);
        dialogue = text(dialogue);
        sound = text(sound);
        audioCues = text(audioCues);
        physics = text(physics);
        List<String> names = new ArrayList<>();
        for (String c : characters == null ? List.<String>of() : characters) {
            String n = text(c);
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        characters = List.copyOf(names);
        overrides = overrides == null ? SpineOverrides.NONE : overrides;
        model = text(model);
        size = text(size);
        inputReference = text(inputReference);
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds cannot be negative: " + seconds);
        }
    }

    /** Only the pillars and dialogue, as the original compiler took them. */
    public static ShotSpec of(ShotPillars p) {
        return builder().subjectAction(p.subjectAction()).cameraMovement(p.cameraMovement())
                .settingTime(p.settingTime()).lightingPalette(p.lightingPalette())
                .styleTechnical(p.styleTechnical()).dialogue(p.dialogue()).build();
    }

    /** The compiler's view of a stored shot. */
    public static ShotSpec of(ShotContent c, String sequence, String shotCode) {
        return new ShotSpec(sequence, shotCode, c.subjectAction(), c.cameraMovement(), c.settingTime(), c.lightingPalette(),
                c.styleTechnical(), c.shotType(), c.dialogue(), c.sound(), c.audioCues(), c.physics(),
                characterList(c.characters()),
                c.overrides() == null || c.overrides().isBlank() ? SpineOverrides.NONE : SpineOverrides.of(c.overrides()),
                c.model(), c.size(), c.seconds(), c.inputReference());
    }

    /** The shot as a retake changed it, in the form it is stored. */
    public ShotContent toContent() {
        return new ShotContent(blank(subjectAction), blank(cameraMovement), blank(settingTime), blank(lightingPalette),
                blank(styleTechnical), blank(dialogue), model, size, seconds, blank(shotType), blank(sound), blank(audioCues),
                blank(physics), characters.isEmpty() ? null : String.join(", ", characters),
                overrides == null || overrides.values().isEmpty() ? null : overrides.format(), blank(inputReference));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** "Queen, Chancellor" or "Queen and Chancellor" → [Queen, Chancellor]. */
    public static List<String> characterList(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String part : NAME_SEPARATOR.split(cell.strip())) {
            String n = part.strip();
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    /** "Castle-SC1-03": the shot's name in files and messages. */
    public String label() {
        if (sequence.isEmpty()) {
            return shotCode;
        }
        return shotCode.isEmpty() ? sequence : sequence + "-" + shotCode;
    }

    public ShotPillars pillars() {
        return new ShotPillars(subjectAction, cameraMovement, settingTime, lightingPalette, styleTechnical, dialogue);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** Builds a spec field by field; unset text is "". */
    public static final class Builder {
        private String sequence = "";
        private String shotCode = "";
        private String subjectAction = "";
        private String cameraMovement = "";
        private String settingTime = "";
        private String lightingPalette = "";
        private String styleTechnical = "";
        private String shotType = "";
        private String dialogue = "";
        private String sound = "";
        private String audioCues = "";
        private String physics = "";
        private List<String> characters = List.of();
        private SpineOverrides overrides = SpineOverrides.NONE;
        private String model = "";
        private String size = "";
        private int seconds;
        private String inputReference = "";

        private Builder() {
        }

        private Builder(ShotSpec s) {
            sequence = s.sequence;
            shotCode = s.shotCode;
            subjectAction = s.subjectAction;
            cameraMovement = s.cameraMovement;
            settingTime = s.settingTime;
            lightingPalette = s.lightingPalette;
            styleTechnical = s.styleTechnical;
            shotType = s.shotType;
            dialogue = s.dialogue;
            sound = s.sound;
            audioCues = s.audioCues;
            physics = s.physics;
            characters = s.characters;
            overrides = s.overrides;
            model = s.model;
            size = s.size;
            seconds = s.seconds;
            inputReference = s.inputReference;
        }

        public Builder sequence(String v) { sequence = v; return this; }
        public Builder shotCode(String v) { shotCode = v; return this; }
        public Builder subjectAction(String v) { subjectAction = v; return this; }
        public Builder cameraMovement(String v) { cameraMovement = v; return this; }
        public Builder settingTime(String v) { settingTime = v; return this; }
        public Builder lightingPalette(String v) { lightingPalette = v; return this; }
        public Builder styleTechnical(String v) { styleTechnical = v; return this; }
        public Builder shotType(String v) { shotType = v; return this; }
        public Builder dialogue(String v) { dialogue = v; return this; }
        public Builder sound(String v) { sound = v; return this; }
        public Builder audioCues(String v) { audioCues = v; return this; }
        public Builder physics(String v) { physics = v; return this; }
        public Builder characters(List<String> v) { characters = Objects.requireNonNullElse(v, List.of()); return this; }
        public Builder characters(String... v) { characters = List.of(v); return this; }
        public Builder overrides(SpineOverrides v) { overrides = v; return this; }
        public Builder overrides(String cell) { overrides = SpineOverrides.of(cell); return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder size(String v) { size = v; return this; }
        public Builder seconds(int v) { seconds = v; return this; }
        public Builder inputReference(String v) { inputReference = v; return this; }

        public ShotSpec build() {
            return new ShotSpec(sequence, shotCode, subjectAction, cameraMovement, settingTime, lightingPalette,
                    styleTechnical, shotType, dialogue, sound, audioCues, physics, characters, overrides,
                    model, size, seconds, inputReference);
        }
    }
}
