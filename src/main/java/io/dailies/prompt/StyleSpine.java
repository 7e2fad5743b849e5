package io.dailies.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A project's style spine: the camera and colour language carried into every shot (the guide: "If you
 * establish a 35mm lens at f/2.8 in your first shot, specify that same lens in every subsequent prompt").
 * Blank fields are "" and add nothing. A shot changes a field only through {@link SpineOverrides}.
 *
 * <p>Where the compiler writes each field: lens, aperture and stability cues on the Camera line (stability
 * cues only when the camera moves, or when the shot overrides them explicitly); camera language and grade
 * on the Style line; palette anchors on the Lighting line as {@code Palette anchors: a, b, c}. A field the
 * shot's own text already states is not repeated.
 *
 * @param lens           e.g. "35mm"
 * @param aperture       e.g. "f/2.8"
 * @param cameraLanguage e.g. "anamorphic 2.39:1 feel, motivated camera moves only"
 * @param grade          e.g. "fine film grain, natural contrast"
 * @param paletteAnchors 3-5 named colours, e.g. [amber, cream, walnut brown]
 * @param stabilityCues  e.g. "steady gimbal, stable horizon, no jitter"
 */
public record StyleSpine(String lens, String aperture, String cameraLanguage, String grade,
                         List<String> paletteAnchors, String stabilityCues) {

    /** No spine: shots are compiled from their own text alone. */
    public static final StyleSpine EMPTY = new StyleSpine("", "", "", "", List.of(), "");

    /** The guide's stability cues, used when a retake asks for a steadier camera without saying how. */
    public static final String GUIDE_STABILITY_CUES = "steady gimbal, stable horizon, no jitter";

    private static final Pattern PALETTE_SEPARATOR =
            Pattern.compile("(?i)\\s*(?:,|;|&|/|\\R|\\band\\b)\\s*");
    // Compiled once: paletteList runs for every shot's palette override.
    private static final Pattern QUOTES_AND_DOTS = Pattern.compile("[\"'`\u201c\u201d\u2018\u2019.]");

    public StyleSpine {
        lens = clean(lens);
        aperture = clean(aperture);
        cameraLanguage = clean(cameraLanguage);
        grade = clean(grade);
        stabilityCues = clean(stabilityCues);
        List<String> anchors = new ArrayList<>();
        if (paletteAnchors != null) {
            for (String a : paletteAnchors) {
                String c = clean(a);
                if (!c.isEmpty()) {
                    anchors.add(c);
                }
            }
        }
        paletteAnchors = List.copyOf(anchors);
    }

    public boolean isEmpty() {
        return this.equals(EMPTY);
    }

    /** The field's value as text ("" when blank); palette anchors joined with ", ". */
    public String value(SpineField field) {
        return switch (field) {
            case LENS -> lens;
            case APERTURE -> aperture;
            case CAMERA_LANGUAGE -> cameraLanguage;
            case GRADE -> grade;
            case PALETTE -> String.join(", ", paletteAnchors);
            case STABILITY -> stabilityCues;
        };
    }

    /** This spine with one field replaced (palette as comma-separated text). */
    public StyleSpine with(SpineField field, String value) {
        String v = clean(value);
        // An override that repeats the spine's own value changes nothing: skip the rebuild (runs per shot).
        if (field == SpineField.PALETTE ? paletteAnchors.equals(paletteList(v)) : value(field).equals(v)) {
            return this;
        }
        return switch (field) {
            case LENS -> new StyleSpine(v, aperture, cameraLanguage, grade, paletteAnchors, stabilityCues);
            case APERTURE -> new StyleSpine(lens, v, cameraLanguage, grade, paletteAnchors, stabilityCues);
            case CAMERA_LANGUAGE -> new StyleSpine(lens, aperture, v, grade, paletteAnchors, stabilityCues);
            case GRADE -> new StyleSpine(lens, aperture, cameraLanguage, v, paletteAnchors, stabilityCues);
            case PALETTE -> new StyleSpine(lens, aperture, cameraLanguage, grade, paletteList(v), stabilityCues);
            case STABILITY -> new StyleSpine(lens, aperture, cameraLanguage, grade, paletteAnchors, v);
        };
    }

    /** The spine as one shot sees it: each overridden field replaced ("none" blanks it). */
    public StyleSpine apply(SpineOverrides overrides) {
        StyleSpine s = this;
        for (var e : overrides.values().entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    /** "teal, sand & rust" → [teal, sand, rust]; case kept as written. */
    public static List<String> paletteList(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : PALETTE_SEPARATOR.split(text.strip())) {
            String p = ShotCues.oneSpace(QUOTES_AND_DOTS.matcher(part).replaceAll(" ").strip());
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String clean(String s) {
        return s == null ? "" : ShotCues.oneSpace(s.strip());
    }
}
