package io.dailies.emulator.media;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Defects a test asks for in the prompt itself: {@code [[defect: flicker, quiet]]} anywhere in the text
 * (also {@code [[defects: ...]]}; case does not matter; names are {@link Defect#wireName() wire names},
 * separated by commas or semicolons; several markers add up). Only the emulator reads the marker: a real
 * provider would take it as words of the prompt, so it belongs in test prompts only.
 */
public final class DefectMarker {

    private static final Pattern MARKER = Pattern.compile("(?i)\\[\\[\\s*defects?\\s*:([^\\]]*)]]");

    private DefectMarker() {
    }

    /** A marker that names something that is no defect. */
    public static final class UnknownDefect extends IllegalArgumentException {
        UnknownDefect(String name) {
            super("Unknown defect '" + name + "' in the prompt's [[defect: ...]] marker; known defects: "
                    + Defect.wireNames() + ".");
        }
    }

    /** The defects the prompt's markers name; throws {@link UnknownDefect} for a name that is none. */
    public static Set<Defect> parse(String prompt) {
        Set<Defect> defects = EnumSet.noneOf(Defect.class);
        if (prompt == null) {
            return defects;
        }
        Matcher marker = MARKER.matcher(prompt);
        while (marker.find()) {
            for (String name : marker.group(1).split("[,;]")) {
                if (name.isBlank()) {
                    continue;
                }
                defects.add(Defect.byName(name).orElseThrow(() -> new UnknownDefect(name.trim())));
            }
        }
        return defects;
    }

    /** The known defects the markers name, skipping any unknown name (for prompts accepted before). */
    public static Set<Defect> parseLeniently(String prompt) {
        Set<Defect> defects = EnumSet.noneOf(Defect.class);
        Matcher marker = MARKER.matcher(prompt == null ? "" : prompt);
        while (marker.find()) {
            for (String name : marker.group(1).split("[,;]")) {
                Defect.byName(name).ifPresent(defects::add);
            }
        }
        return defects;
    }

    /** The prompt without its markers, so that no marker is read as a palette name or a cue. */
    public static String strip(String prompt) {
        return prompt == null ? null : MARKER.matcher(prompt).replaceAll(" ");
    }
}
