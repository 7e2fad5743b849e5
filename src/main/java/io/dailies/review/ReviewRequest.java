package io.dailies.review;

import io.dailies.core.Verdict;
import io.dailies.platform.ApiProblem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;

/**
 * A reviewer's verdict given in the console: {"verdict": "RETAKE", "reviewer": "Ana", "notes": "..."}.
 * The verdict is named in any case; the reviewer is read stripped.
 */
public record ReviewRequest(
        @NotNull(message = "is required: ACCEPT, RETAKE or REVIEW") String verdict,
        @NotBlank(message = "is required: who gives this verdict")
        @Size(max = 200, message = "is longer than {max} characters") String reviewer,
        @Size(max = 4000, message = "is longer than {max} characters") String notes) {

    public ReviewRequest {
        reviewer = reviewer == null ? null : reviewer.strip();
    }

    /**
     * The request from its JSON body; a member that is not a JSON string counts as absent. The body is
     * parsed as JSON-P, so a body that is not JSON keeps the API's "not valid JSON" 400 (ApiProblem.BadJson).
     */
    static ReviewRequest from(JsonObject body) {
        return new ReviewRequest(text(body, "verdict"), text(body, "reviewer"), text(body, "notes"));
    }

    /** The verdict named; 400 naming the verdicts there are when it is none of them. */
    Verdict verdictValue() {
        try {
            return Verdict.valueOf(verdict.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "'verdict' must be one of " + Arrays.toString(Verdict.values())
                    + ", was '" + verdict + "'.");
        }
    }

    private static String text(JsonObject body, String key) {
        JsonValue v = body.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : body.getString(key);
    }
}
