package io.dailies.scoring.media;

/**
 * A timed sound cue asked for in a prompt, such as "door slam at 00:02".
 *
 * @param label   what should be heard, as written ("door slam"); "cue" when the prompt names nothing
 * @param seconds when, from the start of the take
 */
public record AudioCue(String label, double seconds) {

    public AudioCue {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("cue time must be finite seconds >= 0: " + seconds);
        }
        label = label == null || label.isBlank() ? "cue" : label.strip();
    }
}
