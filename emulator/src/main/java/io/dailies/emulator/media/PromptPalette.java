package io.dailies.emulator.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The colours a prompt asks for, as the emulator reads them: the names listed after a palette label
 * ("Palette anchors: amber, cream, walnut brown." or "Palette: teal / sand and rust") turned into sRGB
 * through the table in {@code colour-names.txt} (the CSS named colours plus the names set designers and
 * graders write).
 *
 * <ul>
 *   <li>The list runs from the label to the next '.', ';' or line break; names are separated by ',',
 *       '&amp;', '/', "and" or "or".</li>
 *   <li>A "palette anchors" label wins over a plain "palette" one. A label that only names the palette
 *       as a topic ("Lighting + palette:", "Light and palette:") is not a list of colours.</li>
 *   <li>A name is looked up as written, with "grey" as "gray", with its spaces taken out ("steel blue" is
 *       CSS steelblue), without words like "tones" or "hues", and finally without its leading words
 *       ("candle amber" is amber). Names the table does not know are skipped.</li>
 * </ul>
 */
public final class PromptPalette {

    private static final Pattern LABEL =
            Pattern.compile("(?i)\\bpalette(\\s+anchors?)?\\s*[:=\\u2013\\u2014-]");
    private static final Pattern SEPARATOR = Pattern.compile("(?i)\\s*(?:[,&/]|\\band\\b|\\bor\\b)\\s*");
    private static final Pattern DESCRIPTIVE = Pattern.compile("\\b(?:tones?|hues?|shades?|colou?rs?|colou?red)\\b");
    private static final Map<String, Integer> TABLE = load();

    private PromptPalette() {
    }

    /** The sRGB (0xRRGGBB) of every known colour the prompt's palette names, in the order written. */
    public static List<Integer> rgb(String prompt) {
        List<Integer> out = new ArrayList<>();
        for (String name : names(prompt)) {
            OptionalInt colour = lookUp(name);
            if (colour.isPresent()) {
                out.add(colour.getAsInt());
            }
        }
        return out;
    }

    /** The names listed after the prompt's palette label, lower case, in order; empty without a label. */
    static List<String> names(String prompt) {
        if (prompt == null) {
            return List.of();
        }
        // The first "palette anchors" label, else the first plain one; topic headings do not count.
        List<MatchResult> labels = LABEL.matcher(prompt).results()
                .filter(m -> !namesTopicOnly(prompt, m.start())).toList();
        Optional<MatchResult> chosen = labels.stream().filter(m -> m.group(1) != null).findFirst()
                .or(() -> labels.stream().findFirst());
        if (chosen.isEmpty()) {
            return List.of();
        }
        int listStart = chosen.get().end();
        int listEnd = listStart;
        while (listEnd < prompt.length() && ".;\n\r".indexOf(prompt.charAt(listEnd)) < 0) {
            listEnd++;
        }
        List<String> names = new ArrayList<>();
        for (String item : SEPARATOR.split(prompt.substring(listStart, listEnd))) {
            String name = clean(item);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The sRGB of one colour name (see the class comment for how it is matched). */
    static OptionalInt lookUp(String name) {
        String words = normalise(name);
        while (!words.isEmpty()) {
            Integer hit = exact(words);
            if (hit == null) {
                String plain = DESCRIPTIVE.matcher(words).replaceAll(" ").trim().replaceAll(" +", " ");
                hit = plain.isEmpty() ? null : exact(plain);
            }
            if (hit != null) {
                return OptionalInt.of(hit);
            }
            int space = words.indexOf(' ');
            words = space < 0 ? "" : words.substring(space + 1);
        }
        return OptionalInt.empty();
    }

    private static Integer exact(String words) {
        String gray = words.replace("grey", "gray");
        Integer hit = TABLE.get(gray);
        return hit != null ? hit : TABLE.get(gray.replace(" ", ""));
    }

    /** "Lighting + palette:", "Light and palette:": the label ends a heading about something else. */
    private static boolean namesTopicOnly(String text, int labelStart) {
        int sentenceStart = labelStart;
        while (sentenceStart > 0 && ".;\n\r".indexOf(text.charAt(sentenceStart - 1)) < 0) {
            sentenceStart--;
        }
        String before = text.substring(sentenceStart, labelStart).trim().toLowerCase(Locale.ROOT);
        return before.endsWith("+") || before.endsWith("&") || before.equals("and") || before.endsWith(" and");
    }

    private static String clean(String item) {
        return item.replaceAll("[\"'`()\\[\\]*\\u2018\\u2019\\u201c\\u201d]", " ").trim()
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_]", " ").replaceAll("[^a-z ]", " ")
                .trim().replaceAll(" +", " ");
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> table = new HashMap<>();
        try (InputStream in = PromptPalette.class.getResourceAsStream("colour-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("colour-names.txt is missing from the emulator's classes");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.trim();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                int space = entry.indexOf(' ');
                int rgb = Integer.parseInt(entry.substring(0, space), 16);
                String name = normalise(entry.substring(space + 1));
                table.put(name, rgb);
                table.putIfAbsent(name.replace(" ", ""), rgb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(table);
    }
}
