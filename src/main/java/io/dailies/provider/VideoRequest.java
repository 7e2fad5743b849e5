package io.dailies.provider;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The typed API parameters of one generation; they never travel inside the prompt's prose. */
public record VideoRequest(String model, String prompt, String size, int seconds) {

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("model", model)
                .add("prompt", prompt)
                .add("size", size)
                .add("seconds", Integer.toString(seconds))
                .build();
    }

    /** Identifies the request for the ledger and for reconciliation after a crash. */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((model + '\n' + size + '\n' + seconds + '\n' + prompt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a video the provider lists is what this request asked for. */
    public boolean matches(VideoJob video) {
        return prompt.equals(video.prompt())
                && (video.model() == null || model.equals(video.model()))
                && (video.size() == null || size.equals(video.size()))
                && (video.seconds() == null || Integer.toString(seconds).equals(video.seconds()));
    }
}
