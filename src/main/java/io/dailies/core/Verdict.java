package io.dailies.core;

/** What to do with a take. */
public enum Verdict {
    /** Every measured criterion reached the pass mark. */
    ACCEPT,
    /** At least one measured criterion fell below the retake mark: regenerate. */
    RETAKE,
    /** In between: a person should look before it goes to the edit. */
    REVIEW;

    /**
     * The verdict that counts for a take: the latest reviewer's over the automated one; null while the
     * take has neither.
     */
    public static Verdict effective(Score automated, Review latest) {
        if (latest != null) {
            return latest.getVerdict();
        }
        return automated == null || automated.getVerdict() == null ? null : valueOf(automated.getVerdict());
    }
}
