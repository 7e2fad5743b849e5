package io.dailies.prompt;

/**
 * The prompt version a retake made (201 to POST /api/shots/{id}/retakes): its number, the change as
 * described, the new prompt, its diff to the one before, the lint errors it has, and the take it revises.
 */
public record RetakeView(long shotId, int version, String change, String prompt, String diff, int lintErrors,
                         Long revisesTakeId) {
}
