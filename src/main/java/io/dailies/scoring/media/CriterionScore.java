package io.dailies.scoring.media;

/**
 * One acceptance criterion's result.
 *
 * @param score 0..100, or null when the criterion was not measured (never a guess)
 * @param note  what was measured and, when it failed, what failed and the guide's fix;
 *              when not measured, why not
 */
public record CriterionScore(Integer score, String note) {

    public CriterionScore {
        if (score != null && (score < 0 || score > 100)) {
            throw new IllegalArgumentException("score must be 0..100: " + score);
        }
        note = note == null ? "" : note;
    }

    public static CriterionScore notMeasured(String why) {
        return new CriterionScore(null, why);
    }

    public boolean measured() {
        return score != null;
    }
}
