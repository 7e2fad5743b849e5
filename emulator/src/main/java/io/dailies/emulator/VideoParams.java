package io.dailies.emulator;

import io.dailies.emulator.media.DefectMarker;
import java.util.Map;
import java.util.Set;

/**
 * The rules a video create request must pass, in one place, so that POST /videos and a batch line
 * for /v1/videos are judged alike: prompt required and at most 32,000 characters, a known model
 * (dated snapshots included), a size that model renders, and a length of 4, 8, 12, 16 or 20 seconds.
 */
public final class VideoParams {

    public static final int MAX_PROMPT_CHARS = 32000;
    static final String DEFAULT_MODEL = "sora-2";
    static final String DEFAULT_SIZE = "720x1280";
    static final String DEFAULT_SECONDS = "4";

    private VideoParams() {
    }

    /**
     * Either the normalised parameters (defaults filled in) or the first broken rule.
     * When ok() is false, param() names the offending field and message() says why, in the provider's words.
     */
    public record Result(String param, String message, String model, String prompt, String size, String seconds) {

        static Result valid(String model, String prompt, String size, String seconds) {
            return new Result(null, null, model, prompt, size, seconds);
        }

        static Result invalid(String param, String message) {
            return new Result(param, message, null, null, null, null);
        }

        public boolean ok() {
            return message == null;
        }
    }

    /** Judges the create fields ("model", "prompt", "size", "seconds"; absent keys take the provider's defaults). */
    public static Result validate(Map<String, String> fields) {
        String prompt = fields.get("prompt");
        Result promptRule = validatePrompt(prompt);
        if (!promptRule.ok()) {
            return promptRule;
        }
        String model = orDefault(fields.get("model"), DEFAULT_MODEL);
        String base = Emulator.baseModel(model);
        if (!Emulator.SIZES.containsKey(base)) {
            return Result.invalid("model", "Invalid value for 'model': '" + model + "'. Supported: sora-2, sora-2-pro.");
        }
        String size = orDefault(fields.get("size"), DEFAULT_SIZE);
        Set<String> sizes = Emulator.SIZES.get(base);
        if (!sizes.contains(size)) {
            return Result.invalid("size", "Invalid value for 'size': '" + size + "' is not supported by " + base
                    + ". Supported: " + String.join(", ", sizes.stream().sorted().toList()) + ".");
        }
        String seconds = orDefault(fields.get("seconds"), DEFAULT_SECONDS);
        if (!Emulator.SECONDS.contains(seconds)) {
            return Result.invalid("seconds", "Invalid value for 'seconds': '" + seconds + "'. Supported: 4, 8, 12, 16, 20.");
        }
        return Result.valid(model, prompt, size, seconds);
    }

    /**
     * Just the prompt rule, for the requests that carry a prompt but take the rest from a source video. A
     * {@code [[defect: ...]]} marker naming no known defect is refused too, so a test's typo cannot pass
     * for a clean take.
     */
    static Result validatePrompt(String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            return Result.invalid("prompt", "Missing required parameter: 'prompt'.");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            return Result.invalid("prompt", "'prompt' is too long: " + prompt.length() + " characters, at most "
                    + MAX_PROMPT_CHARS + ".");
        }
        try {
            DefectMarker.parse(prompt);
        } catch (DefectMarker.UnknownDefect e) {
            return Result.invalid("prompt", e.getMessage());
        }
        return Result.valid(null, prompt, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
