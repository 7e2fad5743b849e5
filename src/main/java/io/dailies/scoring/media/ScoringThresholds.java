package io.dailies.scoring.media;

/**
 * The numbers behind the acceptance checks. Every measurement is graded the same way
 * (see {@link #grade}): comfortably inside its limit scores 100, exactly at the limit scores
 * the pass mark, twice the limit scores 0.
 *
 * @param passMark                 a criterion at or above this passes (default 70)
 * @param retakeMark               any measured criterion below this means RETAKE (default 40)
 * @param durationToleranceSeconds allowed |delivered - requested| duration (default 0.5 s)
 * @param minFps                   lowest acceptable frame rate (default 24, the guide's export range)
 * @param maxFps                   highest acceptable frame rate (default 60)
 * @param flickerLimit             flicker index limit, luma levels RMS (default 1.5 ≈ 0.6 % of full scale)
 * @param lightingJumpRatioLimit   largest/median luma step limit (default 8: a step eight times
 *                                 the usual frame-to-frame change, at least 4 levels)
 * @param shakeLimitFraction       camera jitter limit as a fraction of frame width
 *                                 (default 0.002: 2.6 px at 1280, 3.8 px at 1920)
 * @param frozenFrameLimit         share of repeated frames tolerated (default 0.10)
 * @param blackFrameLimit          share of black frames tolerated (default 0.05)
 * @param paletteDeltaELimit       ΔE00 from an anchor to its nearest dominant colour (default 10;
 *                                 1 is just noticeable, codec round trips cost 1-3)
 * @param dominantColourMinWeight  dominant colours covering less of the frame are ignored (default 0.02)
 * @param loudnessMinLufs          web loudness window, low end (default -16)
 * @param loudnessMaxLufs          web loudness window, high end (default -14)
 * @param loudnessPointsPerLu      points lost per LU outside the window (default 15: 2 LU off = pass mark)
 * @param speechBandMinRatio       share of audio energy in 150 Hz-4 kHz expected with dialogue (default 0.35)
 * @param continuityHistogramMin   colour-histogram overlap between cut frames that still passes (default 0.5)
 * @param continuityDriftLimit     ΔE00 palette drift between neighbouring shots, and from the
 *                                 sequence's first shot to each later one (default 10)
 * @param duplicateFrameLimit      share of isolated repeated frames (judder) tolerated (default 0.02)
 * @param truePeakMaxDbtp          true-peak ceiling, dBTP (default -1, the usual delivery ceiling;
 *                                 each dB above costs {@code loudnessPointsPerLu} points)
 * @param cueToleranceSeconds      a timed cue is on time when a sound starts within this of it
 *                                 (default 0.25 s; twice this scores 0)
 */
public record ScoringThresholds(
        int passMark,
        int retakeMark,
        double durationToleranceSeconds,
        double minFps,
        double maxFps,
        double flickerLimit,
        double lightingJumpRatioLimit,
        double shakeLimitFraction,
        double frozenFrameLimit,
        double blackFrameLimit,
        double paletteDeltaELimit,
        double dominantColourMinWeight,
        double loudnessMinLufs,
        double loudnessMaxLufs,
        double loudnessPointsPerLu,
        double speechBandMinRatio,
        double continuityHistogramMin,
        double continuityDriftLimit,
        double duplicateFrameLimit,
        double truePeakMaxDbtp,
        double cueToleranceSeconds) {

    /** The thresholds before duplicates, true peak and cues were checked: those get their defaults. */
    public ScoringThresholds(int passMark, int retakeMark, double durationToleranceSeconds, double minFps,
                             double maxFps, double flickerLimit, double lightingJumpRatioLimit,
                             double shakeLimitFraction, double frozenFrameLimit, double blackFrameLimit,
                             double paletteDeltaELimit, double dominantColourMinWeight, double loudnessMinLufs,
                             double loudnessMaxLufs, double loudnessPointsPerLu, double speechBandMinRatio,
                             double continuityHistogramMin, double continuityDriftLimit) {
        this(passMark, retakeMark, durationToleranceSeconds, minFps, maxFps, flickerLimit, lightingJumpRatioLimit,
                shakeLimitFraction, frozenFrameLimit, blackFrameLimit, paletteDeltaELimit, dominantColourMinWeight,
                loudnessMinLufs, loudnessMaxLufs, loudnessPointsPerLu, speechBandMinRatio, continuityHistogramMin,
                continuityDriftLimit, 0.02, -1.0, 0.25);
    }

    public ScoringThresholds {
        if (retakeMark < 0 || passMark > 100 || retakeMark > passMark) {
            throw new IllegalArgumentException("need 0 <= retakeMark <= passMark <= 100");
        }
        if (loudnessMinLufs > loudnessMaxLufs || minFps > maxFps) {
            throw new IllegalArgumentException("window bounds reversed");
        }
        if (!(cueToleranceSeconds > 0)) {
            throw new IllegalArgumentException("cue tolerance must be positive");
        }
    }

    public static ScoringThresholds defaults() {
        return new ScoringThresholds(70, 40, 0.5, 24, 60, 1.5, 8.0, 0.002, 0.10, 0.05,
                10.0, 0.02, -16, -14, 15, 0.35, 0.5, 10.0, 0.02, -1.0, 0.25);
    }

    /**
     * Grades a measurement where lower is better against its limit: up to half the limit → 100,
     * at the limit → the pass mark, twice the limit or more → 0, linear in between.
     */
    public int grade(double value, double limit) {
        if (limit <= 0) {
            return value <= 0 ? 100 : 0;
        }
        double x = value / limit;
        double score;
        if (x <= 0.5) {
            score = 100;
        } else if (x <= 1) {
            score = 100 - (100 - passMark) * (x - 0.5) / 0.5;
        } else if (x < 2) {
            score = passMark * (2 - x);
        } else {
            score = 0;
        }
        return (int) Math.round(score);
    }
}
