package io.dailies.prompt;

import io.dailies.core.ShotPrompt;
import java.time.Instant;

/**
 * One version of a shot's prompt (GET /api/shots/{id}/prompts): its number, hash and compiler version,
 * what changed ("imported", or a retake's one change), the take it revises, when, and the text.
 */
public record PromptVersionView(int number, String hash, String compilerVersion, String change, Long revisesTakeId,
                                Instant createdAt, String text) {

    static PromptVersionView of(ShotPrompt v) {
        return new PromptVersionView(v.getNumber(), v.getHash(), v.getCompilerVersion(), v.getChange(),
                v.getRevisesTakeId(), v.getCreatedAt(), v.getText());
    }
}
