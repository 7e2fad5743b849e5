package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The words a cue looks for first never hide a match of its pattern. */
class CueTest {

    /** Every cue of ShotCues: its pattern's own words, cut, joined and cased many ways, must find what the pattern finds. */
    @Test
    void aCueFindsWhatItsPatternFinds() throws Exception {
        List<Cue> cues = cues();
        assertTrue(cues.size() >= 20, "found " + cues.size() + " cues");
        Random random = new Random(7);
        for (Cue cue : cues) {
            List<String> pieces = pieces(cue.pattern().pattern());
            for (int round = 0; round < 3_000; round++) {
                String text = text(random, pieces);
                assertEquals(cue.pattern().matcher(text).find(), cue.find(text), () -> cue.pattern() + " on '" + text + "'");
            }
        }
    }

    @Test
    void physicalVerbsAndObjectHandlingAreWhatFindFinds() {
        Pattern verbs = physical("PHYSICAL_VERB");
        Pattern handling = physical("OBJECT_HANDLING");
        Random random = new Random(5);
        List<String> pieces = pieces(verbs.pattern() + " " + handling.pattern());
        for (int round = 0; round < 20_000; round++) {
            String text = text(random, pieces);
            List<String> all = new ArrayList<>();
            for (Matcher m = verbs.matcher(text); m.find(); ) {
                String v = m.group().toLowerCase(java.util.Locale.ROOT);
                if (!all.contains(v)) {
                    all.add(v);
                }
            }
            assertEquals(all, ShotCues.physicalVerbs(text), text);
            Matcher h = handling.matcher(text);
            assertEquals(h.find() ? Optional.of(h.group()) : Optional.empty(), ShotCues.objectHandling(text), text);
        }
        assertEquals(List.of("drops", "rolls"), ShotCues.physicalVerbs("Mr Lindrop drops the cup, which rolls; dropsy"));
    }

    private static Pattern physical(String field) {
        try {
            Field f = ShotCues.class.getDeclaredField(field);
            f.setAccessible(true);
            return ((Cue) f.get(null)).pattern();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The pattern the parameter cues were cut from: one alternation. */
    private static final Pattern PARAMETERS = Pattern.compile("\\b\\d{3,4}\\s?[x\u00d7]\\s?\\d{3,4}\\b|\\bsora[-\\s]?2(?:[-\\s]?pro)?\\b"
            + "|\\b(?:720|1080|1440|2160)p\\b|\\b[48]k\\b|\\b(?:uhd|full\\s+hd)\\b|\\bresolution\\b"
            + "|\\b\\d{1,2}[-\\s]?(?:second|sec|s)[-\\s](?:long|clip|video|duration)\\b|\\bduration\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Test
    void theFirstParameterIsTheOnePatternsFirstMatch() {
        Random random = new Random(11);
        List<String> pieces = pieces(PARAMETERS.pattern());
        for (int round = 0; round < 20_000; round++) {
            String text = text(random, pieces);
            Matcher m = PARAMETERS.matcher(text);
            assertEquals(m.find() ? Optional.of(m.group()) : Optional.empty(), ShotCues.parameterInProse(text), text);
        }
        assertEquals(Optional.of("12-second clip"), ShotCues.parameterInProse("A 12-second clip at 1920x1080"));
        assertEquals(Optional.of("1920 X 1080"), ShotCues.parameterInProse("in 1920 X 1080, a 12-second clip"));
    }

    @Test
    void textIsFoldedAsThePatternsFoldCase() {
        Cue cue = new Cue(Pattern.compile("\\bsalt\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), "salt");
        assertTrue(cue.find("SALT"));
        assertTrue(cue.find("\u017Falt"), "long s");
        assertTrue(new Cue(Pattern.compile("kg", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), "kg").find("5 \u212Ag"), "Kelvin sign");
        assertFalse(cue.find("sal t"));
        assertFalse(cue.find(null));
    }

    @Test
    void oneSpaceIsReplaceAllOfWhitespace() {
        Random random = new Random(3);
        String[] pieces = {"a", "b", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "x y", ""};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0, n = random.nextInt(8); i < n; i++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            assertEquals(s.replaceAll("\\s+", " "), ShotCues.oneSpace(s), s);
        }
    }

    private static List<Cue> cues() throws IllegalAccessException {
        List<Cue> out = new ArrayList<>();
        for (Field f : ShotCues.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(null);
            if (v instanceof Cue c) {
                out.add(c);
            } else if (v instanceof List<?> l) {
                l.stream().filter(Cue.class::isInstance).map(Cue.class::cast).forEach(out::add);
            } else if (v instanceof Map<?, ?> m) {
                m.values().stream().filter(Cue.class::isInstance).map(Cue.class::cast).forEach(out::add);
            }
        }
        return out;
    }

    /** The letters, digits and spaces of a pattern's source, cut into pieces, with a few more. */
    private static List<String> pieces(String regex) {
        List<String> out = new ArrayList<>();
        for (String w : regex.split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty() || w.equals("b") || w.equals("s") || w.equals("d") || w.equals("w")) {
                continue;
            }
            out.add(w);
            out.add(w.toUpperCase());
            if (w.length() > 3) {
                out.add(w.substring(0, w.length() / 2));
                out.add(w.substring(w.length() / 2));
            }
        }
        out.addAll(List.of(" ", " ", "  ", "-", "\t", "\n", "'", "\"", "\u201c", "\u201d", "\u2018", ",", ".", "x", "\u00d7",
                "1", "12", "35", "1920", "2", "4", "g", "s", "mm", "/", "f", "no", "a", "the", "\u017F", "\u212A", "\u00e9"));
        return out;
    }

    private static String text(Random random, List<String> pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(10); i < n; i++) {
            b.append(pieces.get(random.nextInt(pieces.size())));
            if (random.nextInt(3) == 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }
}
