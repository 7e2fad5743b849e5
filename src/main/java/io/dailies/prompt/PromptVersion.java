package io.dailies.prompt;

import io.dailies.core.CompiledPrompt;

/**
 * One version of a shot's prompt: its number (1 for the first compile, then +1 per retake), the prompt with
 * its hash and compiler version, and what changed from the version before.
 *
 * @param number  1, 2, 3...
 * @param prompt  the compiled prompt
 * @param change  "first version", or the retake's change, e.g. "same shot, lens: 85mm"
 */
public record PromptVersion(int number, CompiledPrompt prompt, String change) {

    public PromptVersion {
        if (number < 1) {
            throw new IllegalArgumentException("versions start at 1: " + number);
        }
    }

    public static PromptVersion first(CompiledPrompt prompt) {
        return new PromptVersion(1, prompt, "first version");
    }

    /** What changed from another version of the same shot. */
    public PromptDiff diffFrom(PromptVersion earlier) {
        return PromptDiff.between(earlier.prompt(), prompt);
    }
}
