package io.dailies.emulator.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Faults the emulator can bake into a take on purpose, one per acceptance check, so the scorer
 * and the retake workflow can be exercised without a real video model. On the wire (the control API,
 * the prompt marker) each is its name in lower case, e.g. {@code late_cues}; see {@link #wireName()}.
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
    DUPLICATED_FRAMES,
    /**
     * The picture stops for the middle 40 % of the take (from 30 % to 70 % of its frames) while time and
     * sound run on: one long frozen stretch, far over a 10 % frozen-frame limit.
     */
    FROZEN_FRAMES,
    /**
     * A run of pure black frames in the middle of the take (from 45 % of its frames), 8 % of the take long
     * (at least 3 frames): over a 5 % black-frame limit, and short enough that the repeated black frames
     * alone stay under a 10 % frozen-frame limit.
     */
    BLACK_FRAMES;

    /** The name clients use: lower case with underscores ("frozen_frames"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The defect a client named: case, spaces and hyphens do not matter ("Frozen frames", "late-cues").
     * Empty for a name that is no defect.
     */
    public static Optional<Defect> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(values()).filter(d -> d.name().equals(key)).findFirst();
    }

    /** Every wire name, for error messages and documentation: "flicker, shake, ...". */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Defect::wireName).toList());
    }
}
