package io.dailies.emulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stand-in judge model: POST /chat/completions answers the take-judgement rubric deterministically
 * (the same prompt and frames always get the same scores), so tests can check the judge end to end.
 */
@Path("chat/completions")
@Produces(MediaType.APPLICATION_JSON)
public class ChatCompletionsEndpoint {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public String complete(String body) {
        JsonObject request;
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            request = r.readObject();
        } catch (RuntimeException e) {
            throw EmulatorErrors.invalid(null, "The request body is not a JSON object.");
        }
        return answer(request).toString();
    }

    /**
     * The deterministic answer to one request, for POST /chat/completions and for a /v1/chat/completions
     * batch line alike; an invalid request is refused with the provider's error (a WebApplicationException).
     */
    static JsonObject answer(JsonObject request) {
        if (!request.containsKey("model") || request.get("model").getValueType() != JsonValue.ValueType.STRING) {
            throw EmulatorErrors.invalid("model", "Missing required parameter: 'model'.");
        }
        if (!request.containsKey("messages") || request.get("messages").getValueType() != JsonValue.ValueType.ARRAY
                || request.getJsonArray("messages").isEmpty()) {
            throw EmulatorErrors.invalid("messages", "Missing required parameter: 'messages'.");
        }
        StringBuilder seen = new StringBuilder();
        int images = 0;
        for (JsonValue m : request.getJsonArray("messages")) {
            JsonValue content = m.asJsonObject().get("content");
            if (content == null) {
                continue;
            }
            if (content.getValueType() == JsonValue.ValueType.STRING) {
                seen.append(m.asJsonObject().getString("content"));
            } else if (content.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue part : (JsonArray) content) {
                    JsonObject p = part.asJsonObject();
                    if ("text".equals(p.getString("type", ""))) {
                        seen.append(p.getString("text", ""));
                    } else if ("image_url".equals(p.getString("type", ""))) {
                        images++;
                        seen.append(p.getJsonObject("image_url").getString("url", "").length());
                    }
                }
            }
        }
        byte[] h = sha256(seen.toString());
        int adherence = 55 + Math.floorMod(h[0], 41);
        int realism = 50 + Math.floorMod(h[1], 46);
        String answer = Json.createObjectBuilder()
                .add("prompt_adherence", adherence)
                .add("physical_realism", realism)
                .add("rationale", "Emulated judge: " + images + " frame" + (images == 1 ? "" : "s") + " seen; scores derived from the request, not from vision.")
                .build().toString();
        String model = request.getString("model");
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-" + HexFormat.of().formatHex(h, 0, 12))
                .add("object", "chat.completion")
                .add("created", System.currentTimeMillis() / 1000)
                .add("model", model)
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", answer).addNull("refusal"))
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 85 * images + seen.length() / 4)
                        .add("completion_tokens", answer.length() / 4).add("total_tokens", 85 * images + (seen.length() + answer.length()) / 4))
                .build();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
