package io.dailies.scoring.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timed sound cues out of a prompt, the way the guide writes them: "door slam at 00:02;
 * footsteps at 00:04; cheer at 00:06". A cue is "at" (or "@") followed by a time:
 * <ul>
 *   <li>clock form {@code m:ss}, {@code mm:ss}, {@code h:mm:ss}, with optional decimals
 *       ("00:02", "0:02.5", "1:05");</li>
 *   <li>seconds with a unit: "2 s", "2.5s", "3 sec", "4 seconds", "the 3-second mark".</li>
 * </ul>
 * A bare number is never a time ("at f/2.8", "at 35mm", "at 24 fps" are not cues), nor is a time of
 * day ("at 11:45 pm", "at 6:30 o'clock"); a clock time with no such mark but far past the take's length
 * ("a street at 11:45") is left for the scorer to set aside. The label is the clause before "at",
 * after the last ';', ',', '.', ':', line break, "then" or "and".
 */
public final class AudioCues {

    private static final String CLOCK = "(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2}(?:\\.\\d+)?)";
    private static final String SECONDS =
            "(?:the\\s+)?(\\d+(?:\\.\\d+)?)(?:\\s*(?:s|secs?|seconds?)\\b|-second\\s+mark\\b)";
    private static final Pattern CUE = Pattern.compile(
            "(?i)(?:\\bat|@)\\s+(?:(?:around|about|approximately|roughly)\\s+|~\\s*)?(?:" + CLOCK
                    + "(?![\\d:])(?!\\s*(?:[ap]\\.?m\\b|o'clock|hours?\\b|hrs?\\b))|" + SECONDS + ")");
    private static final Pattern CLAUSE_BREAK =
            Pattern.compile("(?i)[;,:\\n\\r]|\\.(?!\\d)|\\bthen\\b|\\band\\b|<[^>]*>|[\"“”]");

    private AudioCues() {
    }

    /** The cues of a prompt in time order (duplicates of the same label and time once); empty if none. */
    public static List<AudioCue> parse(String prompt) {
        List<AudioCue> cues = new ArrayList<>();
        if (prompt == null || prompt.isBlank()) {
            return cues;
        }
        Matcher m = CUE.matcher(prompt);
        int previousEnd = 0;
        while (m.find()) {
            double seconds;
            if (m.group(3) != null) {
                double hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
                double minutes = Integer.parseInt(m.group(2));
                double secs = Double.parseDouble(m.group(3));
                if (secs >= 60 || (m.group(1) != null && minutes >= 60)) {
                    continue;
                }
                seconds = hours * 3600 + minutes * 60 + secs;
            } else {
                seconds = Double.parseDouble(m.group(4));
            }
            String label = label(prompt.substring(previousEnd, m.start()));
            AudioCue cue = new AudioCue(label, Math.round(seconds * 1000) / 1000.0);
            if (!cues.contains(cue)) {
                cues.add(cue);
            }
            previousEnd = m.end();
        }
        cues.sort(Comparator.comparingDouble(AudioCue::seconds));
        return List.copyOf(cues);
    }

    /** The cue times alone, for the emulator's renderer. */
    public static List<Double> seconds(List<AudioCue> cues) {
        return cues.stream().map(AudioCue::seconds).toList();
    }

    private static String label(String before) {
        Matcher m = CLAUSE_BREAK.matcher(before);
        int from = 0;
        while (m.find()) {
            from = m.end();
        }
        String label = before.substring(from).strip().replaceAll("\\s+", " ");
        label = label.replaceAll("(?i)^(?:sound|sfx|audio|cue)s?\\s*-\\s*", "");
        return label.length() > 60 ? label.substring(label.length() - 60).strip() : label;
    }
}
