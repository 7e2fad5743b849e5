package io.dailies.prompt;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A retake's one change, as the guide's iterative workflow names it: {"change": "same shot, switch to 85 mm"}
 * or {"element": "palette", "value": "teal, sand, rust"}. Texts are read stripped; which of the two forms
 * is used, and whether the change can be told, PromptHistory decides (400 "Retake: ...").
 */
public record RetakeRequest(String change, String element, String value) {

    public RetakeRequest {
        change = strip(change);
        element = strip(element);
        value = strip(value);
    }

    /**
     * The request from its JSON body; a member that is not a JSON string counts as absent. The body is
     * parsed as JSON-P, so a body that is not JSON keeps the API's "not valid JSON" 400 (ApiProblem.BadJson).
     */
    static RetakeRequest from(JsonObject body) {
        return new RetakeRequest(text(body, "change"), text(body, "element"), text(body, "value"));
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(key);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
