package io.dailies.scoring.media;

import io.dailies.core.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores a measured take against the guide's five acceptance criteria.
 *
 * <ul>
 *   <li><b>Prompt adherence</b> = the worst of: technical compliance (duration within tolerance,
 *       exact frame size, 24-60 fps) and palette adherence (mean over anchors of the grade of
 *       ΔE00 from each anchor to its nearest dominant colour).</li>
 *   <li><b>Motion quality</b> = the worst of flicker (motion-compensated), lighting jump, camera
 *       shake (jitter; drift is reported, not graded), frozen stretches, duplicated frames and black
 *       frames.</li>
 *   <li><b>Physical realism</b> is not scored: it needs a judge model (off by default).</li>
 *   <li><b>Continuity</b> comes from {@link #continuity} / {@link #sequenceContinuity}, computed by
 *       the caller with the neighbouring shots (or passed as not measured).</li>
 *   <li><b>Audio sync</b> = the worst of: audio present and not silent, integrated loudness inside
 *       the web window, true peak under the ceiling, speech-band energy when dialogue is expected,
 *       and a sound starting near each timed cue the prompt asks for.</li>
 * </ul>
 * Each measurement is graded by {@link ScoringThresholds#grade}. Overall is the mean of the
 * measured criteria; RETAKE if any is below the retake mark, ACCEPT if all reach the pass mark,
 * otherwise REVIEW. Every failed check adds its fix from {@link GuideFixes}.
 */
public final class AcceptanceScorer {

    static final String REALISM_NOT_MEASURED =
            "needs a judge model (off by default); not measurable from pixels alone";

    private AcceptanceScorer() {
    }

    public static TakeScore score(TakeMeasurements m, TakeExpectation e, CriterionScore continuity,
                                  ScoringThresholds t) {
        Set<String> fixes = new LinkedHashSet<>();
        CriterionScore prompt = promptAdherence(m, e, t, fixes);
        CriterionScore motion = motionQuality(m, t, fixes);
        CriterionScore realism = CriterionScore.notMeasured(REALISM_NOT_MEASURED);
        CriterionScore cont = continuity == null
                ? CriterionScore.notMeasured("no neighbouring shot compared") : continuity;
        if (cont.measured() && cont.score() < t.passMark()) {
            fixes.add(GuideFixes.CONTINUITY);
        }
        CriterionScore audio = audioSync(m, e, t, fixes);

        List<CriterionScore> all = List.of(prompt, motion, realism, cont, audio);
        int sum = 0;
        int measured = 0;
        boolean anyBelowRetake = false;
        boolean allPass = true;
        for (CriterionScore c : all) {
            if (c.measured()) {
                sum += c.score();
                measured++;
                anyBelowRetake |= c.score() < t.retakeMark();
                allPass &= c.score() >= t.passMark();
            }
        }
        Integer overall = measured == 0 ? null : (int) Math.round((double) sum / measured);
        Verdict verdict;
        if (measured == 0) {
            verdict = Verdict.REVIEW;
        } else if (anyBelowRetake) {
            verdict = Verdict.RETAKE;
        } else if (allPass) {
            verdict = Verdict.ACCEPT;
        } else {
            verdict = Verdict.REVIEW;
        }
        return new TakeScore(prompt, motion, realism, cont, audio, overall, verdict, new ArrayList<>(fixes));
    }

    /**
     * Continuity across a cut: colour-histogram overlap of the previous shot's last frame with
     * the next shot's first frame, and palette drift (weighted ΔE00 between the two shots'
     * dominant colours, both directions). The worse of the two grades is the score.
     */
    public static CriterionScore continuity(TakeMeasurements previousShot, TakeMeasurements nextShot,
                                            ScoringThresholds t) {
        if (previousShot == null || nextShot == null) {
            return CriterionScore.notMeasured("no neighbouring shot to compare");
        }
        Checks checks = new Checks(null);
        if (!cut(previousShot, nextShot, "", t, checks)) {
            return CriterionScore.notMeasured("no frames to compare across the cut");
        }
        return checks.result("nothing to compare");
    }

    /**
     * Continuity of every shot of a sequence, in order: each shot is judged on its cut in (from the
     * shot before) and its cut out (to the shot after), and, from the third shot on, on its palette
     * drift from the sequence's first shot, where the look (the guide's "style spine") is set: drift
     * that creeps in a little at every cut passes each cut and still shows against the first shot.
     * The worst check is the shot's score; the note names every check. A sequence of one shot has no
     * cut to judge and says so.
     */
    public static List<CriterionScore> sequenceContinuity(List<TakeMeasurements> sequence, ScoringThresholds t) {
        List<CriterionScore> out = new ArrayList<>();
        if (sequence == null) {
            return out;
        }
        int n = sequence.size();
        for (int i = 0; i < n; i++) {
            if (n == 1) {
                out.add(CriterionScore.notMeasured("only shot in its sequence: no cut to judge continuity across"));
                continue;
            }
            Checks checks = new Checks(null);
            if (i > 0) {
                cut(sequence.get(i - 1), sequence.get(i), "cut from shot " + i + ": ", t, checks);
            }
            if (i + 1 < n) {
                cut(sequence.get(i), sequence.get(i + 1), "cut to shot " + (i + 2) + ": ", t, checks);
            }
            if (i >= 2) {
                Double drift = paletteDrift(sequence.get(0).dominantColours(), sequence.get(i).dominantColours(),
                        t.dominantColourMinWeight());
                if (drift != null) {
                    checks.add(t.grade(drift, t.continuityDriftLimit()),
                            String.format(Locale.ROOT, "palette drift from the sequence's first shot ΔE00 %.1f (limit %.0f)",
                                    drift, t.continuityDriftLimit()), null, t);
                }
            }
            out.add(checks.result("nothing to compare across the cuts"));
        }
        return out;
    }

    /** Adds a cut's checks; false when there were no frames to compare. */
    private static boolean cut(TakeMeasurements previousShot, TakeMeasurements nextShot, String label,
                               ScoringThresholds t, Checks checks) {
        if (previousShot == null || nextShot == null) {
            return false;
        }
        double[] last = previousShot.lastFrameHistogram();
        double[] first = nextShot.firstFrameHistogram();
        if (last == null || first == null || last.length == 0 || first.length == 0) {
            checks.note(label + "no frames to compare across the cut");
            return false;
        }
        double overlap = ColourHistogram.intersection(last, first);
        checks.add(t.grade(1 - overlap, 1 - t.continuityHistogramMin()),
                String.format(Locale.ROOT, "%scolour overlap across the cut %.2f (pass ≥ %.2f)",
                        label, overlap, t.continuityHistogramMin()), null, t);
        Double drift = paletteDrift(previousShot.dominantColours(), nextShot.dominantColours(),
                t.dominantColourMinWeight());
        if (drift != null) {
            checks.add(t.grade(drift, t.continuityDriftLimit()),
                    String.format(Locale.ROOT, "%spalette drift ΔE00 %.1f (limit %.0f)", label, drift,
                            t.continuityDriftLimit()), null, t);
        }
        return true;
    }

    static CriterionScore promptAdherence(TakeMeasurements m, TakeExpectation e, ScoringThresholds t,
                                          Set<String> fixes) {
        Checks checks = new Checks(fixes);
        if (e.width() > 0 && e.height() > 0) {
            boolean exact = m.width() == e.width() && m.height() == e.height();
            boolean sameAspect = Math.abs((double) m.width() / m.height() - (double) e.width() / e.height()) < 0.01;
            checks.add(exact ? 100 : sameAspect ? 50 : 0,
                    String.format(Locale.ROOT, "size %dx%d (asked %dx%d)", m.width(), m.height(), e.width(), e.height()),
                    GuideFixes.SIZE, t);
        }
        if (e.seconds() > 0) {
            double off = Math.abs(m.durationSeconds() - e.seconds());
            checks.add(t.grade(off, t.durationToleranceSeconds()),
                    String.format(Locale.ROOT, "duration %.2f s (asked %d s, tolerance ±%.1f s)",
                            m.durationSeconds(), e.seconds(), t.durationToleranceSeconds()),
                    GuideFixes.DURATION, t);
        }
        if (m.fps() > 0) {
            boolean inRange = m.fps() >= t.minFps() - 0.05 && m.fps() <= t.maxFps() + 0.05;
            checks.add(inRange ? 100 : 50,
                    String.format(Locale.ROOT, "%.2f fps (export range %.0f-%.0f)", m.fps(), t.minFps(), t.maxFps()),
                    GuideFixes.FRAME_RATE, t);
        }
        if (!e.paletteRgb().isEmpty()) {
            List<DominantColour> dominant = usable(m.dominantColours(), t.dominantColourMinWeight());
            if (dominant.isEmpty()) {
                checks.note("palette not checked: no dominant colours measured");
            } else {
                double total = 0;
                StringBuilder detail = new StringBuilder("palette");
                for (int anchor : e.paletteRgb()) {
                    DominantColour nearest = null;
                    double best = Double.MAX_VALUE;
                    for (DominantColour c : dominant) {
                        double d = c.deltaE(anchor);
                        if (d < best) {
                            best = d;
                            nearest = c;
                        }
                    }
                    total += t.grade(best, t.paletteDeltaELimit());
                    detail.append(String.format(Locale.ROOT, " %s→%s ΔE00 %.1f;", hex(anchor), nearest.hex(), best));
                }
                detail.setLength(detail.length() - 1);
                detail.append(String.format(Locale.ROOT, " (limit %.0f)", t.paletteDeltaELimit()));
                checks.add((int) Math.round(total / e.paletteRgb().size()), detail.toString(), GuideFixes.PALETTE, t);
            }
        }
        return checks.result("nothing to check: the expectation names no size, duration or palette");
    }

    static CriterionScore motionQuality(TakeMeasurements m, ScoringThresholds t, Set<String> fixes) {
        if (m.frameCount() < 3) {
            return CriterionScore.notMeasured("too few frames to judge motion (" + m.frameCount() + ")");
        }
        Checks checks = new Checks(fixes);
        checks.add(t.grade(m.flickerIndex(), t.flickerLimit()),
                String.format(Locale.ROOT, "flicker %.2f luma levels RMS, motion-compensated (limit %.1f)",
                        m.flickerIndex(), t.flickerLimit()),
                GuideFixes.FLICKER, t);
        double at = m.fps() > 0 && m.maxLumaStepFrame() >= 0 ? m.maxLumaStepFrame() / m.fps() : 0;
        checks.add(t.grade(m.maxLumaStepRatio(), t.lightingJumpRatioLimit()),
                String.format(Locale.ROOT, "lighting jump: largest step %.1f levels at %.2f s, %.1fx the usual (limit %.0fx)",
                        m.maxLumaStep(), at, m.maxLumaStepRatio(), t.lightingJumpRatioLimit()),
                GuideFixes.LIGHTING_JUMP, t);
        double shakeLimit = t.shakeLimitFraction() * m.width();
        checks.add(t.grade(m.shakeRms(), shakeLimit),
                String.format(Locale.ROOT, "camera shake (jitter) %.2f px RMS (limit %.1f)", m.shakeRms(), shakeLimit),
                GuideFixes.SHAKE, t);
        checks.note(String.format(Locale.ROOT, "camera drift %.0f px, %.0f%% of the frame width (reported, not graded: "
                + "a pan asked for is drift too)", m.cameraDriftPx(), m.width() > 0 ? 100 * m.cameraDriftPx() / m.width() : 0));
        checks.add(t.grade(m.frozenFrameRatio(), t.frozenFrameLimit()),
                String.format(Locale.ROOT, "frozen frames %.0f%% (limit %.0f%%)", 100 * m.frozenFrameRatio(),
                        100 * t.frozenFrameLimit()),
                GuideFixes.FROZEN, t);
        checks.add(t.grade(m.duplicateFrameRatio(), t.duplicateFrameLimit()),
                String.format(Locale.ROOT, "duplicated frames %d, %.1f%% (limit %.0f%%)", m.duplicateFrameCount(),
                        100 * m.duplicateFrameRatio(), 100 * t.duplicateFrameLimit()),
                GuideFixes.DUPLICATES, t);
        checks.add(t.grade(m.blackFrameRatio(), t.blackFrameLimit()),
                String.format(Locale.ROOT, "black frames %.0f%% (limit %.0f%%)", 100 * m.blackFrameRatio(),
                        100 * t.blackFrameLimit()),
                GuideFixes.BLACK, t);
        return checks.result("no motion checks ran");
    }

    static CriterionScore audioSync(TakeMeasurements m, TakeExpectation e, ScoringThresholds t, Set<String> fixes) {
        Checks checks = new Checks(fixes);
        if (!m.hasAudio()) {
            checks.add(0, "no audio track", GuideFixes.NO_AUDIO, t);
            if (e.dialogueExpected()) {
                fixes.add(GuideFixes.DIALOGUE);
            }
            if (!e.cues().isEmpty()) {
                fixes.add(GuideFixes.CUES);
            }
            return checks.result("");
        }
        if (m.audioSilent() || m.integratedLoudnessLufs() == null) {
            checks.add(0, m.audioSilent() ? "audio track is digital silence"
                    : "audio too quiet to measure (nothing above the -70 LUFS gate)", GuideFixes.NO_AUDIO, t);
            if (e.dialogueExpected()) {
                checks.add(0, "no dialogue heard", GuideFixes.DIALOGUE, t);
            }
            if (!e.cues().isEmpty()) {
                checks.add(0, e.cues().size() + " timed cue(s) asked for, none heard", GuideFixes.CUES, t);
            }
            return checks.result("");
        }
        double lufs = m.integratedLoudnessLufs();
        double outside = lufs < t.loudnessMinLufs() ? t.loudnessMinLufs() - lufs
                : lufs > t.loudnessMaxLufs() ? lufs - t.loudnessMaxLufs() : 0;
        checks.add(points(outside, t),
                String.format(Locale.ROOT, "loudness %.1f LUFS integrated (window %.0f…%.0f)", lufs,
                        t.loudnessMinLufs(), t.loudnessMaxLufs()),
                GuideFixes.LOUDNESS, t);
        if (m.truePeakDbtp() != null) {
            double over = Math.max(0, m.truePeakDbtp() - t.truePeakMaxDbtp());
            checks.add(points(over, t),
                    String.format(Locale.ROOT, "true peak %.1f dBTP (ceiling %.0f)", m.truePeakDbtp(), t.truePeakMaxDbtp()),
                    GuideFixes.TRUE_PEAK, t);
        }
        if (m.maxMomentaryLufs() != null || m.maxShortTermLufs() != null) {
            checks.note(String.format(Locale.ROOT, "max momentary %s LUFS, max short-term %s LUFS (reported, not graded)",
                    level(m.maxMomentaryLufs()), level(m.maxShortTermLufs())));
        }
        if (e.dialogueExpected()) {
            Double speech = m.speechBandRatio();
            double ratio = speech == null ? 0 : speech;
            int s = ratio >= t.speechBandMinRatio() ? 100
                    : (int) Math.round(t.passMark() * ratio / t.speechBandMinRatio());
            checks.add(s, String.format(Locale.ROOT, "speech-band energy %.0f%% (dialogue expects ≥ %.0f%%)",
                    100 * ratio, 100 * t.speechBandMinRatio()), GuideFixes.DIALOGUE, t);
        }
        if (!e.cues().isEmpty()) {
            cueCheck(m, e, t, checks);
        }
        return checks.result("no audio checks ran");
    }

    /** Points for a distance outside a window, in LU or dB: the pass mark two units out. */
    private static int points(double outside, ScoringThresholds t) {
        return (int) Math.round(Math.max(0, 100 - t.loudnessPointsPerLu() * outside));
    }

    private static String level(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * Each cue is matched to the nearest sound onset not already taken by an earlier cue and graded
     * on the offset (within half the tolerance 100, at the tolerance the pass mark, at twice the
     * tolerance 0); the check scores the mean over the cues. A cue past the end of the delivered take
     * (but within the length asked for), or with no onset within twice the tolerance, scores 0. A
     * "cue" past both the length asked for and the take is a time of day ("a street at 11:45"), set
     * aside with a note.
     */
    private static void cueCheck(TakeMeasurements m, TakeExpectation e, ScoringThresholds t, Checks checks) {
        double[] onsets = m.audioOnsetsSeconds() == null ? new double[0] : m.audioOnsetsSeconds();
        boolean[] taken = new boolean[onsets.length];
        double tolerance = t.cueToleranceSeconds();
        double horizon = Math.max(e.seconds(), m.durationSeconds()) + 2 * tolerance;
        List<AudioCue> cues = new ArrayList<>();
        for (AudioCue cue : e.cues()) {
            if (cue.seconds() > horizon) {
                checks.note(String.format(Locale.ROOT, "\"%s at %.2f s\" lies past the take: read as a time of day, "
                        + "not checked as a cue", cue.label(), cue.seconds()));
            } else {
                cues.add(cue);
            }
        }
        if (cues.isEmpty()) {
            return;
        }
        double total = 0;
        int onTime = 0;
        StringBuilder detail = new StringBuilder();
        for (AudioCue cue : cues) {
            int best = -1;
            for (int i = 0; i < onsets.length; i++) {
                if (!taken[i] && Math.abs(onsets[i] - cue.seconds()) <= 2 * tolerance
                        && (best < 0 || Math.abs(onsets[i] - cue.seconds()) < Math.abs(onsets[best] - cue.seconds()))) {
                    best = i;
                }
            }
            int grade;
            detail.append(detail.length() == 0 ? "" : "; ");
            if (cue.seconds() > m.durationSeconds()) {
                grade = 0;
                detail.append(String.format(Locale.ROOT, "%s at %.2f s is past the end of the take", cue.label(), cue.seconds()));
            } else if (best < 0) {
                grade = 0;
                double nearest = nearest(onsets, cue.seconds());
                detail.append(String.format(Locale.ROOT, "%s at %.2f s: no sound starts within ±%.2f s%s", cue.label(),
                        cue.seconds(), 2 * tolerance, Double.isNaN(nearest) ? ""
                                : String.format(Locale.ROOT, " (nearest at %.2f s)", nearest)));
            } else {
                taken[best] = true;
                double offset = onsets[best] - cue.seconds();
                grade = t.grade(Math.abs(offset), tolerance);
                detail.append(String.format(Locale.ROOT, "%s at %.2f s → sound at %.2f s (%+.2f)", cue.label(),
                        cue.seconds(), onsets[best], offset));
            }
            if (grade >= t.passMark()) {
                onTime++;
            }
            total += grade;
        }
        checks.add((int) Math.round(total / cues.size()),
                String.format(Locale.ROOT, "timed cues %d of %d on time (±%.2f s): %s", onTime, cues.size(),
                        tolerance, detail),
                GuideFixes.CUES, t);
    }

    private static double nearest(double[] values, double target) {
        double best = Double.NaN;
        for (double v : values) {
            if (Double.isNaN(best) || Math.abs(v - target) < Math.abs(best - target)) {
                best = v;
            }
        }
        return best;
    }

    /**
     * Mean ΔE00 from each dominant colour of one shot to the nearest of the other's, weighted by
     * coverage, averaged over both directions; null if either shot has no dominant colours.
     */
    static Double paletteDrift(List<DominantColour> a, List<DominantColour> b, double minWeight) {
        List<DominantColour> ua = usable(a, minWeight);
        List<DominantColour> ub = usable(b, minWeight);
        if (ua.isEmpty() || ub.isEmpty()) {
            return null;
        }
        return (directedDrift(ua, ub) + directedDrift(ub, ua)) / 2;
    }

    private static double directedDrift(List<DominantColour> from, List<DominantColour> to) {
        double sum = 0;
        double weights = 0;
        for (DominantColour c : from) {
            double best = Double.MAX_VALUE;
            for (DominantColour o : to) {
                best = Math.min(best, c.deltaE(o));
            }
            sum += c.weight() * best;
            weights += c.weight();
        }
        return sum / weights;
    }

    private static List<DominantColour> usable(List<DominantColour> colours, double minWeight) {
        List<DominantColour> out = new ArrayList<>();
        if (colours != null) {
            for (DominantColour c : colours) {
                if (c.weight() >= minWeight) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static String hex(int rgb) {
        return String.format("#%06X", rgb & 0xFFFFFF);
    }

    /** Collects the checks of one criterion: the criterion scores the worst check. */
    private static final class Checks {
        private final Set<String> fixes;
        private final List<String> failed = new ArrayList<>();
        private final List<String> passed = new ArrayList<>();
        private Integer worst;

        Checks(Set<String> fixes) {
            this.fixes = fixes;
        }

        void add(int score, String detail, String fix, ScoringThresholds t) {
            worst = worst == null ? score : Math.min(worst, score);
            if (score < t.passMark()) {
                failed.add(detail + " [" + score + "]" + (fix == null ? "" : " → " + fix));
                if (fixes != null && fix != null) {
                    fixes.add(fix);
                }
            } else {
                passed.add(detail);
            }
        }

        void note(String detail) {
            passed.add(detail);
        }

        CriterionScore result(String whyNotMeasured) {
            if (worst == null) {
                return CriterionScore.notMeasured(passed.isEmpty() ? whyNotMeasured : String.join("; ", passed));
            }
            StringBuilder note = new StringBuilder();
            if (!failed.isEmpty()) {
                note.append("FAILED: ").append(String.join("; ", failed));
            }
            if (!passed.isEmpty()) {
                if (note.length() > 0) {
                    note.append(". OK: ");
                }
                note.append(String.join("; ", passed));
            }
            return new CriterionScore(worst, note.toString());
        }
    }
}
