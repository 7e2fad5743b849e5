package io.dailies.provider;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The typed API parameters of one generation; they never travel inside the prompt's prose. A reference
 * image (an uploaded file's id, or an image URL / data URL) anchors the first frame; character ids
 * bring characters made with the Characters API into the shot.
 *
 * <p>The optional parts change the JSON, the ledger hash and the match only when present, so a plain
 * request hashes exactly as it always has and the ledger's existing intents still reconcile.
 */
public record VideoRequest(String model, String prompt, String size, int seconds,
                           String referenceFileId, String referenceImageUrl, List<String> characterIds) {

    public VideoRequest {
        referenceFileId = blankToNull(referenceFileId);
        referenceImageUrl = blankToNull(referenceImageUrl);
        if (referenceFileId != null && referenceImageUrl != null) {
            throw new IllegalArgumentException("A reference is either an uploaded file or an image URL, not both");
        }
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
    }

    public VideoRequest(String model, String prompt, String size, int seconds) {
        this(model, prompt, size, seconds, null, null, List.of());
    }

    /** The same request anchored on an uploaded file (Files API id, e.g. "file-abc"). */
    public VideoRequest withReferenceFile(String fileId) {
        return new VideoRequest(model, prompt, size, seconds, fileId, null, characterIds);
    }

    /** The same request anchored on an image URL or a base64 data URL. */
    public VideoRequest withReferenceImageUrl(String imageUrl) {
        return new VideoRequest(model, prompt, size, seconds, null, imageUrl, characterIds);
    }

    /** The same request with these characters (ids from the Characters API, e.g. "char_123"). */
    public VideoRequest withCharacters(List<String> ids) {
        return new VideoRequest(model, prompt, size, seconds, referenceFileId, referenceImageUrl, ids);
    }

    public boolean hasReference() {
        return referenceFileId != null || referenceImageUrl != null;
    }

    /** The CreateVideoJsonBody: input_reference as {"file_id"} or {"image_url"}, characters as [{"id"}]. */
    public JsonObject toJson() {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("model", model)
                .add("prompt", prompt)
                .add("size", size)
                .add("seconds", Integer.toString(seconds));
        if (referenceFileId != null) {
            o.add("input_reference", Json.createObjectBuilder().add("file_id", referenceFileId));
        } else if (referenceImageUrl != null) {
            o.add("input_reference", Json.createObjectBuilder().add("image_url", referenceImageUrl));
        }
        if (!characterIds.isEmpty()) {
            JsonArrayBuilder characters = Json.createArrayBuilder();
            characterIds.forEach(id -> characters.add(Json.createObjectBuilder().add("id", id)));
            o.add("characters", characters);
        }
        return o.build();
    }

    /** Identifies the request for the ledger and for reconciliation after a crash. */
    public String hash() {
        StringBuilder text = new StringBuilder().append(model).append('\n').append(size).append('\n').append(seconds)
                .append('\n').append(prompt);
        if (referenceFileId != null) {
            text.append("\ninput_reference.file_id=").append(referenceFileId);
        }
        if (referenceImageUrl != null) {
            text.append("\ninput_reference.image_url=").append(referenceImageUrl);
        }
        if (!characterIds.isEmpty()) {
            text.append("\ncharacters=").append(String.join(",", new TreeSet<>(characterIds)));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a video the provider lists is what this request asked for. What the provider does not
     * report (a null field) cannot contradict the request; what it does report must agree.
     */
    public boolean matches(VideoJob video) {
        boolean reference = video.referenceFileId() == null && video.referenceImageUrl() == null
                || Objects.equals(referenceFileId, video.referenceFileId()) && Objects.equals(referenceImageUrl, video.referenceImageUrl());
        boolean characters = video.characterIds().isEmpty()
                || new TreeSet<>(characterIds).equals(new TreeSet<>(video.characterIds()));
        return prompt.equals(video.prompt())
                && (video.model() == null || model.equals(video.model()))
                && (video.size() == null || size.equals(video.size()))
                && (video.seconds() == null || Integer.toString(seconds).equals(video.seconds()))
                && reference
                && characters;
    }

    /** What the ledger may print: the prompt is the producer's, but a data URL can be megabytes. */
    @Override
    public String toString() {
        return "VideoRequest[model=" + model + ", size=" + size + ", seconds=" + seconds
                + (referenceFileId != null ? ", reference=" + referenceFileId : "")
                + (referenceImageUrl != null ? ", reference=" + abbreviate(referenceImageUrl) : "")
                + (characterIds.isEmpty() ? "" : ", characters=" + characterIds)
                + ", prompt=" + abbreviate(prompt) + "]";
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
