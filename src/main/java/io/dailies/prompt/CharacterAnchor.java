package io.dailies.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A character of the project's bible: the name the shot list uses, the 3-4 distinctive visual details
 * that describe them word for word in every prompt, and the reference image uploaded to the Characters
 * API. (Named {@code CharacterAnchor}, not {@code Character}, so it never shadows
 * {@link java.lang.Character} in this package.)
 *
 * @param name           e.g. "Detective Reyes"; matched in shot text case-insensitively, as a whole word
 * @param description    the verbatim anchor, e.g. "a woman in her forties with a gray wool overcoat, a
 *                       loosened navy tie and a silver wristwatch"
 * @param referenceImage file or URL of the reference image; "" when none
 * @param aliases        other names the shot list uses for the character, e.g. "Detective", "Reyes"
 */
public record CharacterAnchor(String name, String description, String referenceImage, List<String> aliases) {

    /** Fewest distinctive details the guide asks for ("three to four"). */
    public static final int MIN_DETAILS = 3;

    private static final Pattern DETAIL_SEPARATOR = Pattern.compile("(?i)\\s*(?:[,;]|\\band\\b|\\bwith\\b)\\s*");

    public CharacterAnchor {
        name = clean(name);
        description = clean(description);
        referenceImage = referenceImage == null ? "" : referenceImage.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a character needs a name");
        }
        if (description.isEmpty()) {
            throw new IllegalArgumentException("character '" + name + "' needs a description");
        }
        List<String> a = new ArrayList<>();
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            String c = clean(alias);
            if (!c.isEmpty() && !c.equalsIgnoreCase(name) && a.stream().noneMatch(c::equalsIgnoreCase)) {
                a.add(c);
            }
        }
        aliases = List.copyOf(a);
    }

    public CharacterAnchor(String name, String description, String referenceImage) {
        this(name, description, referenceImage, List.of());
    }

    /** The name, then the aliases: every way the shot list may name the character. */
    public List<String> terms() {
        List<String> t = new ArrayList<>();
        t.add(name);
        t.addAll(aliases);
        return t;
    }

    public boolean hasReferenceImage() {
        return !referenceImage.isEmpty();
    }

    /**
     * How many distinct details the description gives: its parts between commas, "and" and "with".
     * "a woman in her sixties with a silver braided crown, a burgundy velvet gown and a jade ring" has 4.
     */
    public int detailCount() {
        int n = 0;
        for (String part : DETAIL_SEPARATOR.split(description)) {
            if (!part.isBlank()) {
                n++;
            }
        }
        return n;
    }

    /** This character with another description (the same name, image and aliases). */
    public CharacterAnchor withDescription(String newDescription) {
        return new CharacterAnchor(name, newDescription, referenceImage, aliases);
    }

    static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
