package io.dailies.emulator.media;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the emulator should render for one take.
 *
 * @param width      frame width in pixels (even: H.264 4:2:0 needs it)
 * @param height     frame height in pixels (even)
 * @param seconds    requested duration
 * @param fps        frame rate; 0 or less means the default 24
 * @param paletteRgb palette anchors as 0xRRGGBB, in prompt order; empty → a neutral palette
 * @param withAudio  whether the MP4 gets an AAC stereo track
 * @param dialogue   whether speech-like bursts are mixed into the middle of the take
 * @param seed       fixes layout, motion path, noise and defect randomness
 * @param defects    faults to bake in on purpose
 * @param cueSeconds timed sound cues asked for (seconds from the start, e.g. from
 *                   "door slam at 00:02"): a short percussive hit is mixed in at each; cues past
 *                   the rendered length are dropped
 */
public record RenderSpec(int width, int height, double seconds, int fps, List<Integer> paletteRgb,
                         boolean withAudio, boolean dialogue, long seed, Set<Defect> defects,
                         List<Double> cueSeconds) {

    public static final int DEFAULT_FPS = 24;

    public RenderSpec {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("frame size must be even and at least 16x16: " + width + "x" + height);
        }
        if (!(seconds > 0) || seconds > 600) {
            throw new IllegalArgumentException("seconds must be in (0, 600]: " + seconds);
        }
        fps = fps <= 0 ? DEFAULT_FPS : fps;
        if (fps > 120) {
            throw new IllegalArgumentException("fps above 120: " + fps);
        }
        paletteRgb = paletteRgb == null ? List.of() : List.copyOf(paletteRgb);
        defects = defects == null || defects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(defects));
        if (cueSeconds == null) {
            cueSeconds = List.of();
        } else {
            for (Double cue : cueSeconds) {
                if (cue == null || !(cue >= 0) || Double.isInfinite(cue)) {
                    throw new IllegalArgumentException("cue times must be finite seconds >= 0: " + cueSeconds);
                }
            }
            cueSeconds = List.copyOf(cueSeconds.stream().sorted().toList());
        }
    }

    /** A take without timed cues (the shape before cues existed). */
    public RenderSpec(int width, int height, double seconds, int fps, List<Integer> paletteRgb,
                      boolean withAudio, boolean dialogue, long seed, Set<Defect> defects) {
        this(width, height, seconds, fps, paletteRgb, withAudio, dialogue, seed, defects, List.of());
    }

    /** A clean take at 24 fps with an ambient bed and no dialogue. */
    public static RenderSpec of(int width, int height, double seconds, List<Integer> paletteRgb, long seed) {
        return new RenderSpec(width, height, seconds, DEFAULT_FPS, paletteRgb, true, false, seed, Set.of());
    }

    public RenderSpec withDialogue(boolean withDialogue) {
        return new RenderSpec(width, height, seconds, fps, paletteRgb, withAudio, withDialogue, seed, defects, cueSeconds);
    }

    public RenderSpec withAudio(boolean audio) {
        return new RenderSpec(width, height, seconds, fps, paletteRgb, audio, dialogue, seed, defects, cueSeconds);
    }

    public RenderSpec withSeed(long newSeed) {
        return new RenderSpec(width, height, seconds, fps, paletteRgb, withAudio, dialogue, newSeed, defects, cueSeconds);
    }

    public RenderSpec withDefects(Defect... faults) {
        Set<Defect> set = EnumSet.noneOf(Defect.class);
        set.addAll(defects);
        set.addAll(List.of(faults));
        return new RenderSpec(width, height, seconds, fps, paletteRgb, withAudio, dialogue, seed, set, cueSeconds);
    }

    /** The same take with a percussive hit at each of these times (seconds). */
    public RenderSpec withCues(List<Double> seconds) {
        return new RenderSpec(width, height, this.seconds, fps, paletteRgb, withAudio, dialogue, seed, defects, seconds);
    }

    /** The same take with a percussive hit at each of these times (seconds). */
    public RenderSpec withCues(double... seconds) {
        List<Double> list = new java.util.ArrayList<>();
        for (double s : seconds) {
            list.add(s);
        }
        return withCues(list);
    }

    public boolean has(Defect defect) {
        return defects.contains(defect);
    }

    /** The length actually rendered: WRONG_DURATION delivers about half. */
    public double renderedSeconds() {
        return has(Defect.WRONG_DURATION) ? seconds / 2 : seconds;
    }

    /** Whole frames in the rendered length (at least one). */
    public int frameCount() {
        return Math.max(1, (int) Math.round(renderedSeconds() * fps));
    }
}
