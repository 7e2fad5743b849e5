package io.dailies.emulator;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Reads a batch input file (batch-jsonl.md): one JSON request per line, each with a custom_id unique in
 * the file, method POST, the batch's endpoint as url, and a body. A file that breaks any of these rules
 * is refused as a whole, with the line numbers in the reference's BatchError shape; what a single
 * request asks for (a size the model cannot render) is that request's own error, judged later.
 */
final class BatchInput {

    /** The Batch API's limit of requests per file. */
    static final int MAX_REQUESTS = 50_000;
    /** More problems than this are not listed: the first ones are what a client fixes first. */
    static final int MAX_LISTED_PROBLEMS = 100;
    /** custom_id is echoed in every output line and kept in a column of this size. */
    static final int MAX_CUSTOM_ID = 512;
    /** One factory for every line: Json.createParser looks the provider up again on each call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private BatchInput() {
    }

    /** One request line of the file: its number (1-based, as an editor shows it), custom_id and body. */
    record Request(int line, String customId, JsonObject body) {
    }

    /** Why the file is refused: a BatchError (code, message, param, line). */
    record Problem(String code, String message, String param, Integer line) {

        JsonObject json() {
            JsonObjectBuilder o = Json.createObjectBuilder().add("code", code).add("message", message);
            if (param == null) o.addNull("param"); else o.add("param", param);
            if (line == null) o.addNull("line"); else o.add("line", line);
            return o.build();
        }
    }

    /**
     * Reads the whole file, handing every well-formed request to {@code each}, and returns what is wrong
     * with it; an empty list means the file is valid. A caller that must create nothing from a bad file
     * reads it twice: once with a no-op consumer to judge it, then again to use it.
     */
    static List<Problem> scan(InputStream in, String endpoint, Consumer<Request> each) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        // Strict UTF-8: a spreadsheet or an image uploaded by mistake is refused, not read as mojibake.
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        int number = 0;
        int requests = 0;
        String text;
        while (true) {
            try {
                text = reader.readLine();
            } catch (CharacterCodingException e) {
                // The reader decodes ahead of the lines it hands out, so the broken line is not known exactly.
                problems.add(new Problem("invalid_file", "The input file is not UTF-8 text; batch input files are JSON Lines.",
                        null, null));
                return problems;
            }
            if (text == null) {
                break;
            }
            number++;
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            requests++;
            if (requests > MAX_REQUESTS) {
                problems.add(new Problem("too_many_lines", "The input file has more than " + MAX_REQUESTS
                        + " requests; split it into several batches.", null, number));
                return problems;
            }
            Problem problem = check(text, number, endpoint, seen, each);
            if (problem != null) {
                problems.add(problem);
                if (problems.size() >= MAX_LISTED_PROBLEMS) {
                    return problems;
                }
            }
        }
        if (requests == 0 && problems.isEmpty()) {
            problems.add(new Problem("empty_file", "The input file has no requests.", null, null));
        }
        return problems;
    }

    private static Problem check(String text, int number, String endpoint, Map<String, Integer> seen, Consumer<Request> each) {
        JsonObject line = object(text);
        if (line == null) {
            return new Problem("invalid_json_line", "Line " + number + " is not a JSON object.", null, number);
        }
        JsonValue customId = line.get("custom_id");
        if (customId == null || customId.getValueType() == JsonValue.ValueType.NULL) {
            return new Problem("missing_required_parameter", "Missing required parameter: 'custom_id'.", "custom_id", number);
        }
        if (customId.getValueType() != JsonValue.ValueType.STRING || ((JsonString) customId).getString().isEmpty()) {
            return new Problem("invalid_value", "'custom_id' must be a non-empty string.", "custom_id", number);
        }
        String id = ((JsonString) customId).getString();
        if (id.length() > MAX_CUSTOM_ID) {
            return new Problem("invalid_value", "'custom_id' is longer than " + MAX_CUSTOM_ID + " characters.", "custom_id", number);
        }
        Integer first = seen.putIfAbsent(id, number);
        if (first != null) {
            return new Problem("duplicate_custom_id", "The custom_id '" + clip(id) + "' is a duplicate of line " + first
                    + "; every request in a batch needs its own custom_id.", "custom_id", number);
        }
        String method = string(line, "method");
        if (method == null) {
            return new Problem("missing_required_parameter", "Missing required parameter: 'method'.", "method", number);
        }
        if (!"POST".equals(method)) {
            return new Problem("invalid_method", "Only POST is supported; line " + number + " has method '" + clip(method) + "'.",
                    "method", number);
        }
        String url = string(line, "url");
        if (url == null) {
            return new Problem("missing_required_parameter", "Missing required parameter: 'url'.", "url", number);
        }
        if (!endpoint.equals(url)) {
            return new Problem("invalid_url", "The url '" + clip(url) + "' does not match the batch's endpoint '" + endpoint + "'.",
                    "url", number);
        }
        JsonValue body = line.get("body");
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            return new Problem(body == null ? "missing_required_parameter" : "invalid_value",
                    body == null ? "Missing required parameter: 'body'." : "'body' must be a JSON object.", "body", number);
        }
        each.accept(new Request(number, id, body.asJsonObject()));
        return null;
    }

    /** The line as one JSON object, or null when it is anything else (also two objects on one line). */
    static JsonObject object(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            JsonObject o = parser.getObject();
            return parser.hasNext() ? null : o;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return null;
        }
    }

    /**
     * What one /v1/videos request asks for, judged by the same rules as POST /videos: the normalised
     * parameters, or the parameter that is wrong. Batch bodies are JSON only, so a reference image can
     * only be an object with an image_url or a file_id.
     */
    static VideoParams.Result videoRequest(JsonObject body) {
        Map<String, String> fields = new HashMap<>();
        for (String key : List.of("model", "prompt", "size", "seconds")) {
            JsonValue v = body.get(key);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (v.getValueType() != JsonValue.ValueType.STRING) {
                return new VideoParams.Result(key, "Invalid type for '" + key + "': expected a string.", null, null, null, null);
            }
            fields.put(key, ((JsonString) v).getString());
        }
        JsonValue ref = body.get("input_reference");
        if (ref != null && ref.getValueType() != JsonValue.ValueType.NULL) {
            if (ref.getValueType() != JsonValue.ValueType.OBJECT) {
                return new VideoParams.Result("input_reference", "In a batch, 'input_reference' must be an object with"
                        + " 'image_url' or 'file_id'; files cannot be uploaded inside a batch request.", null, null, null, null);
            }
            if (ref.asJsonObject().containsKey("image_url") == ref.asJsonObject().containsKey("file_id")) {
                return new VideoParams.Result("input_reference", "Provide exactly one of 'image_url' or 'file_id'.",
                        null, null, null, null);
            }
        }
        return VideoParams.validate(fields);
    }

    /** The value as text (a number or object as its JSON), or null when absent or null. */
    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : v.toString();
    }

    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
