package io.dailies.emulator.media;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times of the sound cues a prompt asks for ("Audio cues: door slam at 00:02; footsteps at 00:04"),
 * so the emulator can put a hit at each. A cue time follows the word "at" (or "@"), optionally hedged
 * ("at about", "at around", "at ~"), and is written either
 * <ul>
 *   <li>as a clock: m:ss, mm:ss or h:mm:ss, the last field with optional decimals ("0:02.5"), or</li>
 *   <li>as seconds with a unit: "2 s", "2.5s", "3 sec", "4 seconds", "the 3-second mark".</li>
 * </ul>
 * A bare number is no time ("at f/2.8", "at 35mm", "at 24 fps"), and neither is a time of day
 * ("at 11:45 pm", "at 6:30 o'clock", "at 9:00 hours"). A clock that reads far past the take (a street
 * scene "at 11:45") is harmless: the renderer drops cues beyond the take's length.
 */
public final class PromptCues {

    /** "at" or "@" as a word of its own, then an optional hedge. */
    private static final Pattern LEAD = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}_])(?:at|@)\\s+(?:(?:about|around|approximately|roughly)\\s+|~\\s*)?");
    /** 1:05, 00:02.5, 1:02:03; never glued to a further digit or colon. */
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(\\.\\d+)?(?![\\d:])");
    /** 2 s, 2.5 seconds, 3 sec, the 3-second mark. */
    private static final Pattern WITH_UNIT = Pattern.compile(
            "(?i)(?:the\\s+)?(\\d+(?:\\.\\d+)?)(?:\\s*(?:seconds?|secs?|s)\\b|-second\\s+mark\\b)");
    /** What turns a clock reading into a time of day. */
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?i)\\s*(?:[ap]\\.?m\\b|o'clock|hours?\\b|hrs?\\b)");

    private PromptCues() {
    }

    /** The cue times in seconds, ascending, each time once; empty when the prompt asks for none. */
    public static List<Double> seconds(String prompt) {
        TreeSet<Double> times = new TreeSet<>();
        if (prompt == null) {
            return List.of();
        }
        Matcher lead = LEAD.matcher(prompt);
        int from = 0;
        while (from < prompt.length() && lead.find(from)) {
            int at = lead.end();
            Double time = clockAt(prompt, at);
            if (time == null) {
                time = secondsAt(prompt, at);
            }
            if (time != null) {
                times.add(Math.round(time * 1000) / 1000.0);
            }
            from = Math.max(at, lead.start() + 1);
        }
        return List.copyOf(times);
    }

    private static Double clockAt(String text, int at) {
        Matcher clock = CLOCK.matcher(text).region(at, text.length());
        if (!clock.lookingAt()) {
            return null;
        }
        Matcher after = TIME_OF_DAY.matcher(text).region(clock.end(), text.length());
        if (after.lookingAt()) {
            return null;
        }
        int first = Integer.parseInt(clock.group(1));
        int second = Integer.parseInt(clock.group(2));
        double fraction = clock.group(4) == null ? 0 : Double.parseDouble("0" + clock.group(4));
        if (clock.group(3) == null) {
            // m:ss
            return second < 60 ? first * 60 + second + fraction : null;
        }
        int third = Integer.parseInt(clock.group(3));
        // h:mm:ss
        return second < 60 && third < 60 ? first * 3600 + second * 60 + third + fraction : null;
    }

    private static Double secondsAt(String text, int at) {
        Matcher unit = WITH_UNIT.matcher(text).region(at, text.length());
        return unit.lookingAt() ? Double.valueOf(unit.group(1)) : null;
    }
}
