package io.dailies.prompt;

/**
 * Two versions of a shot's prompt compared (GET /api/shots/{id}/prompts/diff): line by line ("  ", "- ",
 * "+ ") and word by word.
 */
public record PromptDiffView(int from, int to, String diff, String words) {
}
