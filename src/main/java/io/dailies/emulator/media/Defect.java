package io.dailies.emulator.media;

/**
 * Faults the emulator can bake into a take on purpose, one per acceptance check, so the scorer
 * and the retake workflow can be exercised without a real video model.
 */
public enum Defect {
    /** Frame-to-frame brightness pulse of about ±6 % (what a deflicker filter removes). */
    FLICKER,
    /** Random per-frame translation of the whole picture by several pixels (chaotic camera). */
    SHAKE,
    /** A hard exposure step half-way through the take (lighting jump). */
    LIGHTING_JUMP,
    /** Colours far from every palette anchor (palette ignored). */
    OFF_PALETTE,
    /** Audio stream present but digital silence. */
    SILENT,
    /** Audio mixed around -30 LUFS instead of -15 LUFS. */
    QUIET,
    /** Renders about half the requested length. */
    WRONG_DURATION,
    /** The timed cues of the spec get no sound at all. */
    MISSING_CUES,
    /** Every timed cue sounds 0.6 s late (the scorer tolerates ±0.25 s). */
    LATE_CUES,
    /** Every sixth frame repeats the one before (a 20 → 24 fps conversion judder). */
    DUPLICATED_FRAMES
}
