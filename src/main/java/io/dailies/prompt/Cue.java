package io.dailies.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-insensitive pattern of {@link ShotCues} with the words every match of it contains: a text holding none
 * of them cannot match, so it is not searched. A regular expression tries every position of a text against
 * every alternative; looking for a few words first is many times cheaper, and most texts hold none.
 *
 * <p>The words are compared with the text folded as the pattern folds case ({@code CASE_INSENSITIVE |
 * UNICODE_CASE}: each character's upper case, lower-cased), so "ſ" is an "s" here as it is for the pattern.
 *
 * @param pattern the pattern
 * @param words   lower-case words, one of which every match contains
 * @param also    another sign of a possible match (for what words cannot say, such as "a digit, then x"), or null
 */
record Cue(Pattern pattern, String[] words, Predicate<String> also) {

    Cue(Pattern pattern, String... words) {
        this(pattern, words, null);
    }

    /** A matcher over the text, or over "" when the text cannot match (so find() answers false at once). */
    Matcher matcher(String text) {
        return pattern.matcher(text != null && mayMatch(text) ? text : "");
    }

    boolean find(String text) {
        return text != null && mayMatch(text) && pattern.matcher(text).find();
    }

    /** Whether the text holds one of the words (or the other sign). */
    boolean mayMatch(String text) {
        String folded = folded(text);
        for (String w : words) {
            if (folded.contains(w)) {
                return true;
            }
        }
        return also != null && also.test(folded);
    }

    /**
     * Every match, as a loop over {@code find()} gives them, for a cue each of whose matches <em>starts</em> with one
     * of its words: only the places where a word starts are tried, not every character of the text.
     */
    List<String> startingMatches(String text, boolean firstOnly) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String folded = folded(text);
        int[] starts = new int[8];
        int n = 0;
        for (String w : words) {
            for (int at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + 1)) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = at;
            }
        }
        if (n == 0) {
            return out;
        }
        Arrays.sort(starts, 0, n);
        // transparent bounds: \b and lookbehinds see the text before the place tried, as find() does
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (starts[i] < from || (i > 0 && starts[i] == starts[i - 1])) {
                continue;
            }
            m.region(starts[i], text.length());
            if (m.lookingAt()) {
                out.add(m.group());
                if (firstOnly) {
                    break;
                }
                from = m.end();
            }
        }
        return out;
    }

    /** The last text folded, per thread: the linter asks many cues about the same text in a row. */
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

    static String folded(String text) {
        String[] last = LAST.get();
        if (last[0] == text) {
            return last[1];
        }
        String f = fold(text);
        last[0] = text;
        last[1] = f;
        return f;
    }

    private static String fold(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f;
            if (c < 0x80) {
                f = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else if (Character.isSurrogate(c)) {
                f = c;
            } else {
                f = (char) Character.toLowerCase(Character.toUpperCase((int) c));
            }
            if (f != c && out == null) {
                out = text.toCharArray();
            }
            if (out != null) {
                out[i] = f;
            }
        }
        return out == null ? text : new String(out);
    }

    /**
     * A digit, then {@code c} right after it or after one character of {@code \\s} (or, with {@code orDash}, a
     * hyphen): "1920x1080", "1920 × 1080", "12-second clip", "5 g".
     */
    static boolean digitThen(String folded, char c, boolean orDash) {
        for (int i = folded.indexOf(c, 1); i > 0; i = folded.indexOf(c, i + 1)) {
            char before = folded.charAt(i - 1);
            if (digit(before) || (i >= 2 && (space(before) || (orDash && before == '-')) && digit(folded.charAt(i - 2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s} of a regular expression. */
    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
