package io.dailies.prompt;

import io.dailies.core.CompiledPrompt;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A retake with one change, the guide's iterative workflow: "same shot, switch to 85 mm", "same
 * lighting, new palette: teal, sand, rust". Exactly one named element of the shot changes, so the new
 * prompt differs from the last only there: style-spine elements (lens, aperture, camera language, grade,
 * palette, stability) become an override of the shot; prose elements (action, camera, lighting...) replace
 * that text and nothing else.
 */
public final class Retake {

    private Retake() {
    }

    /** What a retake may change: one element of the shot. */
    public enum Element {
        LENS(SpineField.LENS, "lens", "focal length"),
        APERTURE(SpineField.APERTURE, "aperture", "f-stop", "iris"),
        CAMERA_LANGUAGE(SpineField.CAMERA_LANGUAGE, "camera language", "camera style"),
        GRADE(SpineField.GRADE, "grade", "colour grade", "color grade", "look"),
        PALETTE(SpineField.PALETTE, "palette", "palette anchors", "colours", "colors"),
        /** "Steadier camera": stability cues, the guide's by default. */
        CAMERA_STABILITY(SpineField.STABILITY, "stability", "camera stability", "stability cues", "steadier camera", "steadier"),
        SHOT_TYPE(null, "shot type", "framing", "shot size"),
        ACTION(null, "action", "subject and action", "subject & action", "subject"),
        CAMERA(null, "camera", "camera move", "camera and movement", "camera & movement", "movement", "move"),
        SETTING(null, "setting", "setting and time", "setting & time", "location"),
        LIGHTING(null, "lighting", "light"),
        STYLE(null, "style", "style and technical", "style & technical"),
        DIALOGUE(null, "dialogue", "lines"),
        SOUND(null, "sound", "ambient sound", "ambience"),
        AUDIO_CUES(null, "audio cues", "cues", "sound cues"),
        PHYSICS(null, "physics", "physical cues");

        private final SpineField spineField;
        private final List<String> names;

        Element(SpineField spineField, String... names) {
            this.spineField = spineField;
            this.names = List.of(names);
        }

        /** The spine field it overrides, for lens, aperture, camera language, grade, palette and stability. */
        public Optional<SpineField> spineField() {
            return Optional.ofNullable(spineField);
        }

        /** How the element is written in a change: "lens", "camera language", "audio cues"... */
        public String displayName() {
            return names.get(0);
        }

        public static Optional<Element> forName(String name) {
            String n = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            return Arrays.stream(values()).filter(e -> e.names.contains(n)).findFirst();
        }
    }

    /**
     * One named change: the element and its new value. For CAMERA_STABILITY a blank value means
     * {@link #STEADIER}.
     */
    public record Change(Element element, String value) {

        public Change {
            Objects.requireNonNull(element, "element");
            value = value == null ? "" : value.strip().replaceAll("\\s+", " ");
            if (value.isEmpty() && element == Element.CAMERA_STABILITY) {
                value = STEADIER;
            }
            if (value.isEmpty() && element.spineField().isEmpty()) {
                throw new IllegalArgumentException("say what the " + element.displayName() + " becomes");
            }
        }

        public static Change of(Element element, String value) {
            return new Change(element, value);
        }

        /** "same shot, lens: 85mm". */
        public String describe() {
            return "same shot, " + element.displayName() + ": " + (value.isEmpty() ? "none" : value);
        }

        /**
         * Reads a change as a producer types it: {@code lens: 85mm}, {@code palette: teal, sand, rust},
         * {@code lighting: single hard light from below}, or the guide's phrasing ({@code same shot, switch to
         * 85 mm}, {@code same lighting, new palette: teal, sand, rust}, {@code steadier camera}).
         *
         * @throws IllegalArgumentException when no element can be told from the text
         */
        public static Change parse(String text) {
            String t = Objects.requireNonNull(text, "text").strip();
            t = SAME_PREFIX.matcher(t).replaceFirst("");
            t = VERB_PREFIX.matcher(t).replaceFirst("");
            Matcher kv = KEY_VALUE.matcher(t);
            if (kv.matches()) {
                Optional<Element> e = Element.forName(kv.group(1));
                if (e.isPresent()) {
                    return new Change(e.get(), kv.group(2));
                }
            }
            Optional<Element> bare = Element.forName(t);
            if (bare.isPresent() && bare.get() == Element.CAMERA_STABILITY) {
                return new Change(Element.CAMERA_STABILITY, "");
            }
            if (ShotCues.LENS.matcher(t).matches()) {
                return new Change(Element.LENS, t);
            }
            if (ShotCues.APERTURE.matcher(t).matches()) {
                return new Change(Element.APERTURE, t);
            }
            throw new IllegalArgumentException("cannot tell what '" + text + "' changes: write it as 'element: value', e.g. "
                    + "'lens: 85mm' or 'palette: teal, sand, rust'");
        }

        private static final Pattern SAME_PREFIX = Pattern.compile("(?i)^same\\s+[\\w &+-]{1,30},\\s*");
        private static final Pattern VERB_PREFIX = Pattern.compile("(?i)^(?:switch\\s+to|change\\s+to|use|new|a\\s+new)\\s+");
        private static final Pattern KEY_VALUE = Pattern.compile("^([\\w &+-]{1,30}?)\\s*[:=]\\s*(.*)$", Pattern.DOTALL);
    }

    /** The stability cues a "steadier camera" retake asks for when it says nothing more. */
    public static final String STEADIER = "locked-steady gimbal, stable horizon, no jitter, no drift";

    /** The shot with the one change made. */
    public static ShotSpec apply(ShotSpec shot, Change change) {
        ShotSpec.Builder b = shot.toBuilder();
        if (change.element().spineField().isPresent()) {
            return b.overrides(shot.overrides().with(change.element().spineField().get(), change.value())).build();
        }
        String v = change.value();
        return switch (change.element()) {
            case SHOT_TYPE -> b.shotType(v).build();
            case ACTION -> b.subjectAction(v).build();
            case CAMERA -> b.cameraMovement(v).build();
            case SETTING -> b.settingTime(v).build();
            case LIGHTING -> b.lightingPalette(keepPalette(shot.lightingPalette(), v)).build();
            case STYLE -> b.styleTechnical(v).build();
            case DIALOGUE -> b.dialogue(v).build();
            case SOUND -> b.sound(v).build();
            case AUDIO_CUES -> b.audioCues(v).build();
            case PHYSICS -> b.physics(v).build();
            default -> throw new IllegalStateException(change.element().name());
        };
    }

    /** New lighting that names no palette keeps the old palette anchors: lighting and palette are separate changes. */
    private static String keepPalette(String oldLighting, String newLighting) {
        if (PaletteAnchors.locate(newLighting).isPresent()) {
            return newLighting;
        }
        return PaletteAnchors.locate(oldLighting)
                .map(s -> newLighting.replaceAll("[\\s.;,]+$", "") + "; Palette anchors: " + oldLighting.substring(s.start(), s.end()))
                .orElse(newLighting);
    }

    /** A retake's outcome: the changed shot, its new prompt version and what changed in the prompt. */
    public record Result(ShotSpec shot, PromptVersion version, PromptDiff diff) {
    }

    /** The next version of a shot's prompt after one change. */
    public static Result next(PromptVersion previous, ShotSpec shot, Change change, StyleSpine spine, CharacterBible bible) {
        ShotSpec changed = apply(shot, change);
        CompiledPrompt prompt = PromptCompiler.compile(changed, spine, bible);
        PromptVersion version = new PromptVersion(previous.number() + 1, prompt, change.describe());
        return new Result(changed, version, PromptDiff.between(previous.prompt(), prompt));
    }
}
