package io.dailies.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One field of a project's style spine: the camera and colour choices repeated in every shot so the cuts
 * feel like one film. A shot changes a field only explicitly, through its Overrides cell
 * ({@code lens: 85mm; palette: teal, sand, rust}); see {@link SpineOverrides}.
 */
public enum SpineField {
    LENS("lens", "Lens", "focal length", "lens mm"),
    APERTURE("aperture", "Aperture", "f-stop", "f stop", "stop", "iris"),
    CAMERA_LANGUAGE("camera language", "Camera language", "camera", "camera style", "camera grammar", "coverage"),
    GRADE("grade", "Grade", "colour grade", "color grade", "grading", "look", "film look"),
    PALETTE("palette", "Palette anchors", "palette anchors", "colours", "colors", "colour anchors", "color anchors",
            "colour palette", "color palette"),
    STABILITY("stability", "Stability cues", "stability cues", "stabilisation", "stabilization", "steadiness");

    private final String overrideKey;
    private final String label;
    private final List<String> keys;

    SpineField(String overrideKey, String label, String... aliases) {
        this.overrideKey = overrideKey;
        this.label = label;
        List<String> k = new ArrayList<>();
        k.add(key(overrideKey));
        k.add(key(label));
        for (String a : aliases) {
            k.add(key(a));
        }
        this.keys = List.copyOf(k);
    }

    /** How the field is written in an Overrides cell, e.g. "camera language". */
    public String overrideKey() {
        return overrideKey;
    }

    /** How the field is titled on the Style Spine sheet, e.g. "Palette anchors". */
    public String label() {
        return label;
    }

    /** The field a name stands for, ignoring case, spaces and punctuation ("Palette anchors", "f-stop", "LENS"). */
    public static Optional<SpineField> forName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String k = key(name);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        for (SpineField f : values()) {
            if (f.keys.contains(k)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every override key, for messages: "lens, aperture, camera language, grade, palette or stability". */
    static String allKeys() {
        StringBuilder sb = new StringBuilder();
        SpineField[] all = values();
        for (int i = 0; i < all.length; i++) {
            if (i > 0) {
                sb.append(i == all.length - 1 ? " or " : ", ");
            }
            sb.append(all[i].overrideKey);
        }
        return sb.toString();
    }

    /**
     * The name lower-cased with everything but a-z and 0-9 dropped. A plain loop rather than a regex: it runs
     * for every override entry, and the enum constants call it before any static Pattern could be set.
     */
    private static String key(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
