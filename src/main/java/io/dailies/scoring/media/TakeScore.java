package io.dailies.scoring.media;

import io.dailies.core.Verdict;
import java.util.List;

/**
 * A take scored against the five acceptance criteria of the guide's checklist.
 *
 * @param promptAdherence  did we get what we asked for (duration, size, palette anchors)
 * @param motionQuality    natural camera and subject motion, no jank (flicker, jumps, shake, frozen,
 *                         repeated and black frames)
 * @param physicalRealism  contacts, shadows, splashes, fabric: not measurable from pixels alone
 * @param continuity       coherence with the neighbouring shots and the sequence (supplied by the caller)
 * @param audioSync        audio present, loudness in the web window, true peak, dialogue where expected,
 *                         sounds on the timed cues
 * @param overall          mean of the measured criteria, or null if none was measured
 * @param verdict          ACCEPT / REVIEW / RETAKE
 * @param recommendations  one fix per failed check, in the guide's words
 */
public record TakeScore(CriterionScore promptAdherence, CriterionScore motionQuality,
                        CriterionScore physicalRealism, CriterionScore continuity,
                        CriterionScore audioSync, Integer overall, Verdict verdict,
                        List<String> recommendations) {

    public TakeScore {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** The five criteria in checklist order. */
    public List<CriterionScore> criteria() {
        return List.of(promptAdherence, motionQuality, physicalRealism, continuity, audioSync);
    }
}
