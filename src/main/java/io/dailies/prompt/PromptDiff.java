package io.dailies.prompt;

import io.dailies.core.CompiledPrompt;
import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two versions of a shot's prompt, line by line (the pillars are one line each),
 * with a word-level view of changed lines. Deterministic: the same two texts always give the same diff.
 */
public final class PromptDiff {

    /** Whether a line is in both versions, only the old one or only the new one. */
    public enum Op {
        SAME, REMOVED, ADDED
    }

    /** One line of the diff. */
    public record Line(Op op, String text) {
    }

    private final List<Line> lines;

    private PromptDiff(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public static PromptDiff between(CompiledPrompt before, CompiledPrompt after) {
        return between(before.text(), after.text());
    }

    public static PromptDiff between(String before, String after) {
        return new PromptDiff(diff(split(before), split(after)));
    }

    public List<Line> lines() {
        return lines;
    }

    /** Whether the two versions are identical. */
    public boolean isEmpty() {
        return lines.stream().allMatch(l -> l.op() == Op.SAME);
    }

    /** Lines only in the old version, in order. */
    public List<String> removed() {
        return lines.stream().filter(l -> l.op() == Op.REMOVED).map(Line::text).toList();
    }

    /** Lines only in the new version, in order. */
    public List<String> added() {
        return lines.stream().filter(l -> l.op() == Op.ADDED).map(Line::text).toList();
    }

    /** Unified-style text: "  " unchanged, "- " old, "+ " new; one diff line per prompt line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(switch (l.op()) {
                case SAME -> "  ";
                case REMOVED -> "- ";
                case ADDED -> "+ ";
            }).append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Only what changed, word by word: each replaced line as {@code ~ } with {@code [-old-]{+new+}} around
     * the words that differ; lines only removed or only added as {@code - } and {@code + }. "" when identical.
     */
    public String renderWords() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            while (i < lines.size() && lines.get(i).op() != Op.SAME) {
                (lines.get(i).op() == Op.REMOVED ? removed : added).add(lines.get(i).text());
                i++;
            }
            int pairs = Math.min(removed.size(), added.size());
            for (int k = 0; k < pairs; k++) {
                sb.append("~ ").append(words(removed.get(k), added.get(k))).append('\n');
            }
            for (int k = pairs; k < removed.size(); k++) {
                sb.append("- ").append(removed.get(k)).append('\n');
            }
            for (int k = pairs; k < added.size(); k++) {
                sb.append("+ ").append(added.get(k)).append('\n');
            }
        }
        return sb.toString();
    }

    /** "a b c" vs "a x c" → "a [-b-]{+x+} c". */
    static String words(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        StringBuilder sb = new StringBuilder();
        List<Line> d = diff(a, b);
        int i = 0;
        while (i < d.size()) {
            Line l = d.get(i);
            if (l.op() == Op.SAME) {
                space(sb).append(l.text());
                i++;
                continue;
            }
            List<String> old = new ArrayList<>();
            List<String> neu = new ArrayList<>();
            while (i < d.size() && d.get(i).op() != Op.SAME) {
                (d.get(i).op() == Op.REMOVED ? old : neu).add(d.get(i).text());
                i++;
            }
            if (!old.isEmpty()) {
                space(sb).append("[-").append(String.join(" ", old)).append("-]");
            }
            if (!neu.isEmpty()) {
                space(sb).append("{+").append(String.join(" ", neu)).append("+}");
            }
        }
        return sb.toString();
    }

    private static StringBuilder space(StringBuilder sb) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        return sb;
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    private static List<String> tokens(String line) {
        String t = line.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    /** Largest LCS table (cells) before the middle of a diff is shown as a plain replacement. */
    static final long MAX_CELLS = 4_000_000L;

    /**
     * Longest common subsequence of the parts that differ (a common prefix and suffix are matched first);
     * on a tie an old item is removed before a new one is added. A middle too large to compare is shown
     * as all removed, then all added.
     */
    private static List<Line> diff(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> out = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            out.add(new Line(Op.SAME, a.get(k)));
        }
        List<String> x = a.subList(prefix, a.size() - suffix);
        List<String> y = b.subList(prefix, b.size() - suffix);
        if ((long) (x.size() + 1) * (y.size() + 1) > MAX_CELLS) {
            x.forEach(t -> out.add(new Line(Op.REMOVED, t)));
            y.forEach(t -> out.add(new Line(Op.ADDED, t)));
        } else {
            out.addAll(lcs(x, y));
        }
        for (int k = a.size() - suffix; k < a.size(); k++) {
            out.add(new Line(Op.SAME, a.get(k)));
        }
        return out;
    }

    private static List<Line> lcs(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Line(Op.SAME, a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Op.REMOVED, a.get(i++)));
            } else {
                out.add(new Line(Op.ADDED, b.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Line(Op.REMOVED, a.get(i++)));
        }
        while (j < m) {
            out.add(new Line(Op.ADDED, b.get(j++)));
        }
        return out;
    }

    @Override
    public String toString() {
        return render();
    }
}
