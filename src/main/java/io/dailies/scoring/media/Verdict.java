package io.dailies.scoring.media;

/** What to do with a take. */
public enum Verdict {
    /** Every measured criterion reached the pass mark. */
    ACCEPT,
    /** At least one measured criterion fell below the retake mark: regenerate. */
    RETAKE,
    /** In between: a person should look before it goes to the edit. */
    REVIEW
}
