package io.dailies.prompt;

/** How much a lint finding matters. */
public enum Severity {
    /** The shot cannot be submitted until it is fixed: the API would refuse it, or the take is very likely wasted. */
    ERROR,
    /** Worth fixing (the guide's advice), but the shot can be submitted as it is. */
    WARNING
}
