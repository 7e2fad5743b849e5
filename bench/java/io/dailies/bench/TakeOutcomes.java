package io.dailies.bench;

import io.dailies.core.TakeResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Report rows for the spreadsheet benchmark, shaped like the ones {@code TakeResult.of} makes from a
 * run's takes: a video id and take file, the five criteria with notes in the scorer's words (every
 * criterion of a scored take has one, so every row carries five cell comments), overall and verdict,
 * the notes column (lint warnings, one line per criterion, the guide's fixes), the mode and the cost.
 * About 2% of the takes failed and 5% have reviewer notes. Deterministic per row.
 */
final class TakeOutcomes {

    private static final String REALISM = "needs a judge model (off by default); not measurable from pixels alone";
    private static final String[] LINT = {
            "Lint WARNING ACTION-VAGUE: The action has no beats or timing. Fix: Break the action into timed beats.",
            "Lint WARNING CAMERA-STABILITY: A moving camera with no stability cue. Fix: add 'steady gimbal, stable horizon, no jitter'.",
            "Lint WARNING DIALOGUE-LONG: The lines take longer to say than the shot lasts. Fix: cut the lines or raise Seconds."};
    private static final String[] FIXES = {
            "Color palette shifts: name 3-5 colours explicitly (e.g. \"amber, cream, walnut brown\")",
            "Flicker: apply a deflicker filter to remove lighting pulses between frames",
            "Sound cues off their marks: give a few precise cues as rhythmic anchors (\"door slam at 00:02; footsteps at 00:04; "
                    + "cheer at 00:06\") and avoid over-specifying",
            "Audio mix: normalize to -14…-16 LUFS for web"};
    private static final String[] REVIEWS = {"Good take, use it.", "Hands look wrong in the last second; retake.",
            "Colour is off against the previous shot.", "Director prefers take 2."};

    private TakeOutcomes() {
    }

    static TakeResult row(int index, String sequence, String shot, String prompt, int seconds) {
        SplittableRandom r = new SplittableRandom(0x5eedL * 7919 + index);
        String videoId = String.format(Locale.ROOT, "video_%016x%08x", r.nextLong(), r.nextInt());
        String takeFile = "/var/lib/dailies/takes/run-1/" + sequence.replace(' ', '-') + "/" + shot + "-take1.mp4";
        List<TakeResult.Criterion> criteria = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        if (r.nextInt(50) == 0) {
            notes.append("The generation failed: moderation_blocked (the prompt was refused by the provider's safety system)");
            TakeResult.CRITERIA.forEach(name -> criteria.add(new TakeResult.Criterion(name, null,
                    "No take to measure: the generation failed.")));
            // A failed generation is not charged.
            return new TakeResult(sequence, shot, prompt, videoId, "FAILED", null, criteria, null, null, notes.toString(),
                    null, null, null, "sync", null);
        }
        if (r.nextInt(3) == 0) {
            line(notes, LINT[r.nextInt(LINT.length)]);
        }
        int adherence = 70 + r.nextInt(31);
        int motion = 55 + r.nextInt(46);
        int continuity = 60 + r.nextInt(41);
        int audio = 50 + r.nextInt(51);
        criteria.add(new TakeResult.Criterion("Prompt adherence", adherence, String.format(Locale.ROOT,
                "size 1280x720 (asked 1280x720); duration %.2f s (asked %d s, tolerance ±0.5 s); %.2f fps (export range 24-60); "
                        + "palette #800020→#7A2230 ΔE00 %.1f; #D4AF37→#C9A94A ΔE00 %.1f; #708090→#6E7F8C ΔE00 %.1f; (limit 10)",
                seconds + r.nextDouble() * 0.1, seconds, 24.0, r.nextDouble() * 9, r.nextDouble() * 9, r.nextDouble() * 9)));
        criteria.add(new TakeResult.Criterion("Motion quality", motion, String.format(Locale.ROOT,
                "%sflicker %.2f luma levels RMS, motion-compensated (limit 2.0); camera shake (jitter) %.2f px RMS (limit 1.5); "
                        + "camera drift %.0f px, %.0f%% of the frame width (reported, not graded); frozen frames 0%% (limit 10%%); "
                        + "duplicated frames 0, 0.0%% (limit 5%%); black frames 0%% (limit 5%%)",
                motion < 70 ? "FAILED: flicker above the limit [" + motion + "] → " + FIXES[1] + ". OK: " : "",
                r.nextDouble() * 2.5, r.nextDouble() * 1.2, r.nextDouble() * 80, r.nextDouble() * 6)));
        criteria.add(new TakeResult.Criterion("Physical realism", null, REALISM));
        criteria.add(new TakeResult.Criterion("Continuity", continuity, String.format(Locale.ROOT,
                "cut from shot %d: colour overlap across the cut %.2f (pass ≥ 0.60); palette drift ΔE00 %.1f (limit 12); "
                        + "cut to shot %d: colour overlap across the cut %.2f (pass ≥ 0.60); palette drift ΔE00 %.1f (limit 12)",
                index % 1000, 0.6 + r.nextDouble() * 0.4, r.nextDouble() * 12, index % 1000 + 2, 0.6 + r.nextDouble() * 0.4,
                r.nextDouble() * 12)));
        criteria.add(new TakeResult.Criterion("Audio sync", audio, String.format(Locale.ROOT,
                "audio present; loudness %.1f LUFS integrated (window -18…-12); true peak %.1f dBTP (ceiling -1); "
                        + "max momentary %.1f LUFS, max short-term %.1f LUFS (reported, not graded); "
                        + "timed cues 1 of 1 on time (±0.25 s): door slam at 2.00 s → sound at %.2f s (%+.2f)",
                -12 - r.nextDouble() * 6, -1 - r.nextDouble() * 3, -8 - r.nextDouble() * 4, -10 - r.nextDouble() * 4,
                2 + r.nextDouble() * 0.2, r.nextDouble() * 0.2)));
        for (TakeResult.Criterion c : criteria) {
            line(notes, c.name() + ": " + c.note());
        }
        if (motion < 70 || audio < 70) {
            line(notes, "Fix: " + FIXES[r.nextInt(FIXES.length)] + "; " + FIXES[r.nextInt(FIXES.length)]);
        }
        int overall = Math.round((adherence + motion + continuity + audio) / 4f);
        String verdict = Math.min(Math.min(adherence, motion), Math.min(continuity, audio)) < 60 ? "RETAKE"
                : Math.min(Math.min(adherence, motion), Math.min(continuity, audio)) >= 80 ? "ACCEPT" : "REVIEW";
        String review = r.nextInt(20) == 0 ? REVIEWS[r.nextInt(REVIEWS.length)] : null;
        // sora-2 at 1280x720, one create call per take: USD 0.10 a second.
        BigDecimal cost = BigDecimal.valueOf(seconds).multiply(new BigDecimal("0.10"));
        return new TakeResult(sequence, shot, prompt, videoId, "COMPLETED", takeFile, criteria, overall, verdict,
                notes.toString(), null, null, review, "sync", cost);
    }

    private static void line(StringBuilder notes, String text) {
        notes.append(notes.length() == 0 ? "" : "\n").append(text);
    }
}
