package io.dailies.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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

    public static final CharacterBible EMPTY = new CharacterBible(List.of());

    private final List<CharacterAnchor> characters;
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

    /** One name or alias of a character, with its pattern. */
    private record Term(String text, CharacterAnchor character, Pattern pattern) {
    }

    /** Where a text names a character: the name as written spans {@code [start, end)}. */
    public record Mention(CharacterAnchor character, int start, int end, boolean possessive) {
    }

    private CharacterBible(List<CharacterAnchor> characters) {
        this.characters = List.copyOf(characters);
        Map<String, CharacterAnchor> map = new LinkedHashMap<>();
        List<Term> t = new ArrayList<>();
        for (CharacterAnchor c : this.characters) {
            for (String term : c.terms()) {
                CharacterAnchor before = map.putIfAbsent(key(term), c);
                if (before != null && before != c) {
                    throw new IllegalArgumentException("'" + term + "' names both " + before.name() + " and " + c.name());
                }
                if (before == null) {
                    t.add(new Term(term, c, pattern(term)));
                }
            }
        }
        // longest first, so "Chef Amara" is tried before "Chef"; then bible order
        List<Term> sorted = new ArrayList<>(t);
        sorted.sort(Comparator.comparingInt((Term x) -> -x.text().length()));
        this.byTerm = Collections.unmodifiableMap(map);
        this.terms = List.copyOf(sorted);
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

    private List<Mention> scan(String text) {
        List<Mention> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (Term t : terms) {
            Matcher m = t.pattern().matcher(text);
            while (m.find()) {
                boolean free = true;
                for (int i = m.start(); i < m.end(); i++) {
                    if (taken[i]) {
                        free = false;
                        break;
                    }
                }
                if (!free) {
                    continue;
                }
                for (int i = m.start(); i < m.end(); i++) {
                    taken[i] = true;
                }
                found.add(new Mention(t.character(), m.start(), m.end(), possessive(text, m.end())));
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
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
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
