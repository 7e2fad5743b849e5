package io.dailies.review;

import io.dailies.core.Verdict;
import io.dailies.platform.ApiProblem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;

/**
 * A reviewer's verdict given in the console or a script: {"verdict": "RETAKE", "notes": "..."}. The verdict is
 * named in any case. Who gives it is the signed-in user, never a name in the body (one sent is ignored).
 */
public record ReviewRequest(
        @NotNull(message = "is required: ACCEPT, RETAKE or REVIEW") String verdict,
        @Size(max = 4000, message = "is longer than {max} characters") String notes) {

    /**
     * The request from its JSON body; a member that is not a JSON string counts as absent. The body is
     * parsed as JSON-P, so a body that is not JSON keeps the API's "not valid JSON" 400 (ApiProblem.BadJson).
     */
    static ReviewRequest from(JsonObject body) {
        return new ReviewRequest(text(body, "verdict"), text(body, "notes"));
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
