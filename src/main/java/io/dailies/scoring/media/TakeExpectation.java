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
 */
public record TakeExpectation(int width, int height, int seconds, List<Integer> paletteRgb,
                              boolean dialogueExpected) {

    public TakeExpectation {
        paletteRgb = paletteRgb == null ? List.of() : List.copyOf(paletteRgb);
    }
}
