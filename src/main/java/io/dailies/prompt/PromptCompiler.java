package io.dailies.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a shot into the guide's prompt anatomy: the five pillars in order (Subject + Action,
 * Camera + Movement, Setting + Time, Lighting + Palette, Style + Technical), then the spoken lines
 * in a {@code <dialogue>} block with one labelled speaker per line. Deterministic: the same shot
 * always gives the same bytes, so a prompt's hash identifies it.
 */
public final class PromptCompiler {

    public static final String VERSION = "1";

    /** "Detective: 'You're lying.' Suspect: 'Or maybe I'm tired.'" → one match per speaker label. */
    private static final Pattern SPEAKER = Pattern.compile("(?:^|(?<=[\\s.!?\"'’”]))([A-Z][\\p{L}0-9 -]{0,30}?):\\s+");

    private PromptCompiler() {
    }

    public static CompiledPrompt compile(ShotPillars shot) {
        StringBuilder p = new StringBuilder();
        line(p, "", shot.subjectAction());
        line(p, "Camera: ", shot.cameraMovement());
        line(p, "Setting: ", shot.settingTime());
        line(p, "Lighting + palette: ", shot.lightingPalette());
        line(p, "Style: ", shot.styleTechnical());
        List<String> lines = dialogueLines(shot.dialogue());
        if (!lines.isEmpty()) {
            p.append('\n').append("<dialogue>\n");
            lines.forEach(l -> p.append(l).append('\n'));
            p.append("</dialogue>\n");
        }
        String text = p.toString().strip();
        return new CompiledPrompt(text, sha256(text), VERSION);
    }

    /** Each speaker's line on its own row as {@code Speaker: "line"}; unlabelled text is kept as written. */
    static List<String> dialogueLines(String dialogue) {
        List<String> out = new ArrayList<>();
        if (dialogue == null || dialogue.isBlank()) {
            return out;
        }
        for (String row : dialogue.strip().split("\\R")) {
            row = row.strip();
            if (row.isEmpty()) {
                continue;
            }
            Matcher m = SPEAKER.matcher(row);
            List<int[]> labels = new ArrayList<>();
            while (m.find()) {
                labels.add(new int[] {m.start(1), m.end(1), m.end()});
            }
            if (labels.isEmpty()) {
                out.add(row);
                continue;
            }
            if (labels.get(0)[0] > 0) {
                out.add(row.substring(0, labels.get(0)[0]).strip());
            }
            for (int i = 0; i < labels.size(); i++) {
                int[] l = labels.get(i);
                int end = i + 1 < labels.size() ? labels.get(i + 1)[0] : row.length();
                String speaker = row.substring(l[0], l[1]).strip();
                String said = unquote(row.substring(l[2], end).strip());
                out.add(speaker + ": \"" + said + "\"");
            }
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            boolean quoted = (first == '\'' || first == '"' || first == '‘' || first == '“')
                    && (last == '\'' || last == '"' || last == '’' || last == '”');
            if (quoted) {
                return s.substring(1, s.length() - 1).strip();
            }
        }
        return s;
    }

    private static void line(StringBuilder p, String label, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String t = text.strip().replaceAll("\\s*\\R\\s*", " ");
        p.append(label).append(t);
        char last = t.charAt(t.length() - 1);
        if (last != '.' && last != '!' && last != '?') {
            p.append('.');
        }
        p.append('\n');
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
