package io.dailies.provider;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Batch API's JSON Lines: one request per line in the input file, one result per line in the output
 * and error files. Results come back in any order and are matched to requests by custom_id only.
 */
public final class BatchLines {

    /** The url (and batch endpoint) of video generations. */
    public static final String VIDEOS = "/v1/videos";

    private BatchLines() {
    }

    /** One input line: {"custom_id", "method": "POST", "url", "body"}, without the line break. */
    public static String request(String customId, String url, JsonObject body) {
        if (customId == null || customId.isBlank()) {
            throw new IllegalArgumentException("A batch request needs a custom_id");
        }
        return Json.createObjectBuilder()
                .add("custom_id", customId)
                .add("method", "POST")
                .add("url", url)
                .add("body", body)
                .build().toString();
    }

    /** One video generation as an input line (JSON body only: a reference must be a file id or an image URL). */
    public static String request(String customId, VideoRequest video) {
        return request(customId, VIDEOS, video.toJson());
    }

    /** An input file from its lines; custom_ids must be unique, since results are matched by them. */
    public static byte[] file(Collection<String> lines) {
        Set<String> seen = new HashSet<>();
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String line : lines) {
            n++;
            JsonObject o = object(line, n);
            String customId = o.get("custom_id") instanceof jakarta.json.JsonString s ? s.getString() : null;
            if (customId == null || !seen.add(customId)) {
                throw new IllegalArgumentException("Line " + n + " of the batch: custom_id "
                        + (customId == null ? "is missing" : "'" + customId + "' is used twice"));
            }
            out.append(line.strip()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an output or error file: one result per non-blank line, in the file's order (which is not
     * the input's). A line that is not a JSON object with a custom_id is refused, naming the line.
     */
    public static List<BatchResult> parse(String jsonl) {
        List<BatchResult> results = new ArrayList<>();
        if (jsonl == null) {
            return results;
        }
        String[] lines = jsonl.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            results.add(result(object(line, i + 1), i + 1));
        }
        return results;
    }

    /**
     * The results of one or more files (typically the output and the error file) by custom_id. Should a
     * request appear twice, a success wins over a failure.
     */
    public static Map<String, BatchResult> byCustomId(String... jsonlFiles) {
        Map<String, BatchResult> byId = new LinkedHashMap<>();
        for (String file : jsonlFiles) {
            for (BatchResult r : parse(file)) {
                byId.merge(r.customId(), r, (first, second) -> !first.ok() && second.ok() ? second : first);
            }
        }
        return byId;
    }

    private static BatchResult result(JsonObject o, int line) {
        if (!(o.get("custom_id") instanceof jakarta.json.JsonString customId)) {
            throw new IllegalArgumentException("Line " + line + " of the batch file has no custom_id");
        }
        int status = 0;
        JsonObject body = null;
        JsonValue response = o.get("response");
        if (response != null && response.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject r = response.asJsonObject();
            if (r.get("status_code") != null && r.get("status_code").getValueType() == JsonValue.ValueType.NUMBER) {
                status = r.getJsonNumber("status_code").intValue();
            }
            if (r.get("body") != null && r.get("body").getValueType() == JsonValue.ValueType.OBJECT) {
                body = r.getJsonObject("body");
            }
        }
        String code = null;
        String message = null;
        String param = null;
        JsonValue error = o.get("error");
        if (error != null && error.getValueType() == JsonValue.ValueType.OBJECT) {
            code = text(error.asJsonObject(), "code");
            message = text(error.asJsonObject(), "message");
            param = BatchResult.param(error.asJsonObject());
        }
        // A request answered with an error status carries the API's error envelope in its body.
        if (code == null && message == null && status / 100 != 2 && body != null
                && body.get("error") != null && body.get("error").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject e = body.getJsonObject("error");
            code = text(e, "code");
            message = text(e, "message");
            param = BatchResult.param(e);
        }
        if (status / 100 != 2 && code == null && message == null) {
            message = status == 0 ? "no answer" : "HTTP " + status;
        }
        return new BatchResult(customId.getString(), status, body, code, message, param);
    }

    private static JsonObject object(String line, int n) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
            throw new IllegalArgumentException("Line " + n + " of the batch file is not a JSON object: " + shown, e);
        }
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(key);
    }
}
