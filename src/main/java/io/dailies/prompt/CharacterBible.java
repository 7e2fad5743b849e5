package io.dailies.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's characters, from its Characters sheet. A character is <em>named</em> in a text when its
 * name or an alias appears as a whole word, ignoring case ("the queen" names Queen; "queenly" does not).
 * When two names overlap ("Chef" and "Chef Amara"), the longer one wins.
 */
public final class CharacterBible {

    /** Runs of blanks, one space in a key (compiled once: names are looked up per shot). */
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    public static final CharacterBible EMPTY = new CharacterBible(List.of());

    private final List<CharacterAnchor> characters;
    /** Each character's {@link CharacterAnchor#detailCount}, counted once (the linter asks for every shot). */
    private final Map<CharacterAnchor, Integer> detailCounts = new java.util.IdentityHashMap<>();
    private final Map<String, CharacterAnchor> byTerm;
    private final List<Term> terms;
    /**
     * The compiler and the linter ask about the same few texts of a shot many times over (one regex per
     * name and alias each time): the latest answers are kept. Answers are immutable lists.
     */
    private final Map<String, List<Mention>> recentMentions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Mention>> eldest) {
                    return size() > 64;
                }
            });

    /**
     * One name or alias of a character: its pattern, and its words case-folded as the pattern compares them
     * ({@link #fold}), for the one-pass scan.
     */
    private record Term(String text, CharacterAnchor character, Pattern pattern, char[][] words) {
    }

    /** The terms (indexes into {@link #terms}) by the folded first character of their first word. */
    private final Map<Character, int[]> byFirstChar;
    /** Whether every term is in the Basic Multilingual Plane, where {@link #scan} compares char by char. */
    private final boolean bmpTerms;

    /** Where a text names a character: the name as written spans {@code [start, end)}. */
    public record Mention(CharacterAnchor character, int start, int end, boolean possessive) {
    }

    private CharacterBible(List<CharacterAnchor> characters) {
        this.characters = List.copyOf(characters);
        Map<String, CharacterAnchor> map = new LinkedHashMap<>();
        List<Term> t = new ArrayList<>();
        for (CharacterAnchor c : this.characters) {
            detailCounts.put(c, c.detailCount());
            for (String term : c.terms()) {
                CharacterAnchor before = map.putIfAbsent(key(term), c);
                if (before != null && before != c) {
                    throw new IllegalArgumentException("'" + term + "' names both " + before.name() + " and " + c.name());
                }
                if (before == null) {
                    t.add(new Term(term, c, pattern(term), foldedWords(term)));
                }
            }
        }
        // longest first, so "Chef Amara" is tried before "Chef"; then bible order
        List<Term> sorted = new ArrayList<>(t);
        sorted.sort(Comparator.comparingInt((Term x) -> -x.text().length()));
        this.byTerm = Collections.unmodifiableMap(map);
        this.terms = List.copyOf(sorted);
        Map<Character, List<Integer>> first = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            first.computeIfAbsent(terms.get(i).words()[0][0], k -> new ArrayList<>()).add(i);
        }
        Map<Character, int[]> index = new HashMap<>();
        first.forEach((k, v) -> index.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.byFirstChar = index;
        this.bmpTerms = terms.stream().allMatch(x -> bmp(x.text()));
    }

    /**
     * A bible of these characters, in this order.
     *
     * @throws IllegalArgumentException when two characters share a name or alias (ignoring case)
     */
    public static CharacterBible of(List<CharacterAnchor> characters) {
        return characters.isEmpty() ? EMPTY : new CharacterBible(characters);
    }

    public static CharacterBible of(CharacterAnchor... characters) {
        return of(List.of(characters));
    }

    public List<CharacterAnchor> characters() {
        return characters;
    }

    /** {@link CharacterAnchor#detailCount}, counted once for this bible's own characters. */
    public int detailCount(CharacterAnchor c) {
        Integer n = detailCounts.get(c);
        return n != null ? n : c.detailCount();
    }

    public boolean isEmpty() {
        return characters.isEmpty();
    }

    public int size() {
        return characters.size();
    }

    /** The character with this name or alias, ignoring case and extra spaces. */
    public Optional<CharacterAnchor> find(String nameOrAlias) {
        return nameOrAlias == null ? Optional.empty() : Optional.ofNullable(byTerm.get(key(nameOrAlias)));
    }

    /** This bible with one character replaced (matched by name); for "edit the Characters sheet". */
    public CharacterBible replace(CharacterAnchor changed) {
        List<CharacterAnchor> list = new ArrayList<>();
        boolean found = false;
        for (CharacterAnchor c : characters) {
            if (c.name().equalsIgnoreCase(changed.name())) {
                list.add(changed);
                found = true;
            } else {
                list.add(c);
            }
        }
        if (!found) {
            list.add(changed);
        }
        return of(list);
    }

    /** The characters a text names, in order of first mention. */
    public List<CharacterAnchor> named(String text) {
        List<CharacterAnchor> out = new ArrayList<>();
        for (Mention m : mentions(text)) {
            if (!out.contains(m.character())) {
                out.add(m.character());
            }
        }
        return out;
    }

    /** Every place a text names a character, left to right, overlaps resolved in favour of the longer name. */
    public List<Mention> mentions(String text) {
        if (text == null || text.isEmpty() || terms.isEmpty()) {
            return List.of();
        }
        List<Mention> known = recentMentions.get(text);
        if (known == null) {
            known = List.copyOf(scan(text));
            recentMentions.put(text, known);
        }
        return known;
    }

    /**
     * Every term's matches, found in one pass over the text: at each place a word may start, only the terms
     * beginning with that letter are tried. The matches are then taken exactly as one regular expression per
     * term would find them ({@link #scanByPatterns}, still used for text outside the Basic Multilingual Plane).
     */
    private List<Mention> scan(String text) {
        int n = text.length();
        if (!bmpTerms || !bmp(text)) {
            return scanByPatterns(text);
        }
        // each term's matches in text order: start, end pairs
        int[][] hits = new int[terms.size()][];
        int[] hitCount = new int[terms.size()];
        for (int i = 0; i < n; i++) {
            if (i > 0 && letterOrNumber(text.charAt(i - 1))) {
                continue; // not where a word starts
            }
            char c = text.charAt(i);
            char f = fold(c);
            int[] candidates = byFirstChar.get(f);
            if (c != f) {
                candidates = union(candidates, byFirstChar.get(c));
            }
            if (candidates == null) {
                continue;
            }
            for (int t : candidates) {
                int end = matchAt(terms.get(t).words(), text, i);
                if (end >= 0) {
                    if (hits[t] == null) {
                        hits[t] = new int[8];
                    } else if (hitCount[t] + 2 > hits[t].length) {
                        hits[t] = java.util.Arrays.copyOf(hits[t], hits[t].length * 2);
                    }
                    hits[t][hitCount[t]++] = i;
                    hits[t][hitCount[t]++] = end;
                }
            }
        }
        List<Mention> found = new ArrayList<>();
        boolean[] taken = null;
        for (int t = 0; t < terms.size(); t++) {
            int from = 0; // a pattern's next search starts where its last match ended, taken or not
            for (int h = 0; h < hitCount[t]; h += 2) {
                int start = hits[t][h];
                int end = hits[t][h + 1];
                if (start < from) {
                    continue;
                }
                from = end;
                if (taken == null) {
                    taken = new boolean[n];
                }
                if (claim(taken, start, end)) {
                    found.add(new Mention(terms.get(t).character(), start, end, possessive(text, end)));
                }
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    /** Where the term's match starting at {@code i} ends, or -1; words apart by any run of whitespace. */
    private static int matchAt(char[][] words, String text, int i) {
        int n = text.length();
        int at = i;
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                int spaces = at;
                while (at < n && whitespace(text.charAt(at))) {
                    at++;
                }
                if (at == spaces) {
                    return -1;
                }
            }
            char[] word = words[w];
            if (at + word.length > n) {
                return -1;
            }
            for (char p : word) {
                char c = text.charAt(at++);
                if (c != p && fold(c) != p) {
                    return -1;
                }
            }
        }
        return at < n && letterOrNumber(text.charAt(at)) ? -1 : at;
    }

    private static boolean claim(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
        return true;
    }

    private static int[] union(int[] a, int[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        // both sorted (term order): merged, so the terms are still tried in order
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
            if (k == 0 || out[k - 1] != next) {
                out[k++] = next;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** As the patterns compare characters ignoring case (CASE_INSENSITIVE | UNICODE_CASE). */
    private static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return (char) Character.toLowerCase(Character.toUpperCase((int) c));
    }

    /** {@code \s} of a regular expression. */
    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code [\p{L}\p{N}]}. */
    private static boolean letterOrNumber(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean bmp(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char[][] foldedWords(String term) {
        String[] words = term.strip().split("\\s+");
        char[][] out = new char[words.length][];
        for (int i = 0; i < words.length; i++) {
            out[i] = new char[words[i].length()];
            for (int j = 0; j < words[i].length(); j++) {
                out[i][j] = fold(words[i].charAt(j));
            }
        }
        return out;
    }

    /** The reference scan: one regular expression per name and alias, longest first. */
    List<Mention> scanByPatterns(String text) {
        List<Mention> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (Term t : terms) {
            Matcher m = t.pattern().matcher(text);
            while (m.find()) {
                if (claim(taken, m.start(), m.end())) {
                    found.add(new Mention(t.character(), m.start(), m.end(), possessive(text, m.end())));
                }
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    private static boolean possessive(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        return c == '\'' || c == '\u2019';
    }

    private static Pattern pattern(String term) {
        StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = term.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                re.append("\\s+");
            }
            re.append(Pattern.quote(words[i]));
        }
        re.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String key(String s) {
        return BLANKS.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharacterBible b && characters.equals(b.characters);
    }

    @Override
    public int hashCode() {
        return characters.hashCode();
    }

    @Override
    public String toString() {
        return "CharacterBible" + characters.stream().map(CharacterAnchor::name).toList();
    }
}
