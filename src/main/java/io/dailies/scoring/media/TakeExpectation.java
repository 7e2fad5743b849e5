package io.dailies.scoring.media;

import java.util.List;

/**
 * What the shot asked for, as far as pixels and samples can check it.
 *
 * @param width            requested width in pixels (0 or less: not checked)
 * @param height           requested height in pixels (0 or less: not checked)
 * @param seconds          requested duration (0 or less: not checked)
 * @param paletteRgb       palette anchors as 0xRRGGBB, in prompt order (empty: not checked)
 * @param dialogueExpected whether the prompt has spoken lines
 * @param cues             timed sound cues from the prompt ({@link AudioCues#parse}); empty: not checked
 */
public record TakeExpectation(int width, int height, int seconds, List<Integer> paletteRgb,
                              boolean dialogueExpected, List<AudioCue> cues) {

    public TakeExpectation {
        paletteRgb = paletteRgb == null ? List.of() : List.copyOf(paletteRgb);
        cues = cues == null ? List.of() : List.copyOf(cues);
    }

    /** An expectation without timed cues (the shape before cues existed). */
    public TakeExpectation(int width, int height, int seconds, List<Integer> paletteRgb, boolean dialogueExpected) {
        this(width, height, seconds, paletteRgb, dialogueExpected, List.of());
    }

    /** The same expectation with the cues a prompt asks for ("door slam at 00:02; footsteps at 00:04"). */
    public TakeExpectation withCuesFrom(String prompt) {
        return new TakeExpectation(width, height, seconds, paletteRgb, dialogueExpected, AudioCues.parse(prompt));
    }

    /** The same expectation with these cues. */
    public TakeExpectation withCues(List<AudioCue> timedCues) {
        return new TakeExpectation(width, height, seconds, paletteRgb, dialogueExpected, timedCues);
    }
}
