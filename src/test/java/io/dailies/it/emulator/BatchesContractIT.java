package io.dailies.it.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dailies.emulator.ReferenceSchema;
import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The emulator's Files and Batches APIs speak the reference protocol: an uploaded JSONL of video
 * requests runs through validating → in_progress → finalizing → completed, delivering an output file of
 * completed video resources (whose content is a real MP4) and an error file; a malformed file fails
 * with line numbers and creates nothing; cancel, list and the Files endpoints. Every JSON answer is
 * checked against the reference schema.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchesContractIT {

    private static final ReferenceSchema REFERENCE = new ReferenceSchema();
    private static final Set<String> FINISHED = Set.of("completed", "failed", "expired", "cancelled");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aVideoBatchDeliversCompletedVideosInTheOutputFileAndTheInvalidRequestInTheErrorFile() {
        DailiesClient api = new DailiesClient(base);
        String jsonl = videoLine("shot-a", "sora-2", "1280x720", "A paper lantern rises over a dark harbour. Palette anchors: amber, navy, cream.")
                + videoLine("shot-b", "sora-2", "1792x1024", "A gull lands on a mooring post.") // sora-2 cannot render 1792x1024
                + videoLine("shot-c", "sora-2", "720x1280", "Rain beads on a tram window at dusk. Palette anchors: teal, amber.");
        long videosBefore = counter(api, "videos_created");
        long batchesBefore = counter(api, "batches_created");
        long uploadsBefore = counter(api, "files_uploaded");

        JsonObject file = upload(api, "takes.jsonl", jsonl, "batch");
        assertEquals("batch", file.getString("purpose"));
        assertEquals("takes.jsonl", file.getString("filename"));
        assertEquals(jsonl.getBytes(StandardCharsets.UTF_8).length, file.getInt("bytes"));
        assertTrue(file.getString("id").startsWith("file-"), file.toString());
        assertTrue(file.containsKey("expires_at"), "batch input files expire (30 days by default)");

        JsonObject created = createBatch(api, file.getString("id"), "/v1/videos",
                Json.createObjectBuilder().add("run", "contract").build());
        assertTrue(created.getString("id").startsWith("batch_"), created.toString());
        assertEquals("validating", created.getString("status"));
        assertEquals("/v1/videos", created.getString("endpoint"));
        assertEquals(file.getString("id"), created.getString("input_file_id"));
        assertEquals("24h", created.getString("completion_window"));
        assertEquals("contract", created.getJsonObject("metadata").getString("run"));
        assertEquals(batchesBefore + 1, counter(api, "batches_created"));
        assertEquals(uploadsBefore + 1, counter(api, "files_uploaded"));

        List<String> seen = new ArrayList<>();
        JsonObject done = awaitBatch(api, created.getString("id"), seen);
        assertEquals("completed", done.getString("status"), done.toString());
        assertTrue(seen.contains("in_progress"), "a polling client sees the batch run: " + seen);
        List<String> order = List.of("validating", "in_progress", "finalizing", "completed");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(order.indexOf(seen.get(i - 1)) <= order.indexOf(seen.get(i)), "statuses only move forward: " + seen);
        }
        JsonObject counts = done.getJsonObject("request_counts");
        assertEquals(3, counts.getInt("total"));
        assertEquals(2, counts.getInt("completed"));
        assertEquals(1, counts.getInt("failed"));
        long inProgressAt = done.getJsonNumber("in_progress_at").longValue();
        long finalizingAt = done.getJsonNumber("finalizing_at").longValue();
        long completedAt = done.getJsonNumber("completed_at").longValue();
        assertTrue(done.getJsonNumber("created_at").longValue() <= inProgressAt && inProgressAt <= finalizingAt
                && finalizingAt <= completedAt, done.toString());

        // The output file: one line per completed request, each a completed video whose content is an MP4.
        JsonObject output = retrieveFile(api, done.getString("output_file_id"));
        assertEquals("batch_output", output.getString("purpose"));
        List<JsonObject> outputLines = jsonLines(fileContent(api, output.getString("id")));
        assertEquals(2, outputLines.size(), outputLines.toString());
        Map<String, JsonObject> byCustomId = new HashMap<>();
        for (JsonObject line : outputLines) {
            assertTrue(line.getString("id").startsWith("batch_req_"), line.toString());
            assertTrue(line.isNull("error"), line.toString());
            JsonObject response = line.getJsonObject("response");
            assertEquals(200, response.getInt("status_code"));
            assertFalse(response.getString("request_id").isBlank());
            JsonObject video = response.getJsonObject("body");
            assertConforms("VideoResource", video);
            assertEquals("completed", video.getString("status"), video.toString());
            assertEquals(100, video.getInt("progress"));
            byCustomId.put(line.getString("custom_id"), video);
        }
        assertEquals(Set.of("shot-a", "shot-c"), byCustomId.keySet());
        assertEquals("1280x720", byCustomId.get("shot-a").getString("size"));
        assertEquals("720x1280", byCustomId.get("shot-c").getString("size"));
        assertTrue(byCustomId.get("shot-a").getString("prompt").startsWith("A paper lantern"));
        assertNotEquals(byCustomId.get("shot-a").getString("id"), byCustomId.get("shot-c").getString("id"));
        for (JsonObject video : byCustomId.values()) {
            DailiesClient.Answer mp4 = api.get("emulator/v1/videos/" + video.getString("id") + "/content");
            assertEquals(200, mp4.status());
            assertEquals("video/mp4", mp4.contentType());
            assertEquals("ftyp", new String(mp4.bytes(), 4, 4, StandardCharsets.US_ASCII), "an ISO BMFF (MP4) file");
        }

        // The error file: the request the Videos API would have refused, naming the parameter.
        JsonObject errors = retrieveFile(api, done.getString("error_file_id"));
        assertEquals("batch_output", errors.getString("purpose"));
        List<JsonObject> errorLines = jsonLines(fileContent(api, errors.getString("id")));
        assertEquals(1, errorLines.size(), errorLines.toString());
        JsonObject refused = errorLines.get(0);
        assertEquals("shot-b", refused.getString("custom_id"));
        assertTrue(refused.isNull("response"));
        assertEquals("invalid_value", refused.getJsonObject("error").getString("code"));
        assertEquals("size", refused.getJsonObject("error").getString("param"));
        assertTrue(refused.getJsonObject("error").getString("message").contains("1792x1024"), refused.toString());

        // Exactly one generation per valid request, and reading the finished batch again changes nothing.
        assertEquals(videosBefore + 2, counter(api, "videos_created"));
        JsonObject again = getBatch(api, created.getString("id"));
        assertEquals(done.getString("output_file_id"), again.getString("output_file_id"));
        assertEquals(done.getString("error_file_id"), again.getString("error_file_id"));
        assertEquals(completedAt, again.getJsonNumber("completed_at").longValue());
    }

    @Test
    void aMalformedFileFailsTheBatchWithLineNumbersAndCreatesNothing() {
        DailiesClient api = new DailiesClient(base);
        String jsonl = videoLine("ok-1", "sora-2", "1280x720", "A valid first line.")
                + "custom_id,prompt\n"                                                                      // 2: not JSON
                + videoLine("ok-1", "sora-2", "1280x720", "The same custom_id again.")                      // 3: duplicate
                + "{\"custom_id\":\"x-4\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{}}\n" // 4: wrong url
                + "{\"custom_id\":\"x-5\",\"method\":\"GET\",\"url\":\"/v1/videos\",\"body\":{}}\n";         // 5: wrong method
        long videosBefore = counter(api, "videos_created");
        JsonObject file = upload(api, "broken.jsonl", jsonl, "batch");
        JsonObject created = createBatch(api, file.getString("id"), "/v1/videos", null);
        assertTrue(created.isNull("metadata"));

        JsonObject done = awaitBatch(api, created.getString("id"), new ArrayList<>());
        assertEquals("failed", done.getString("status"), done.toString());
        assertTrue(done.containsKey("failed_at"));
        assertFalse(done.containsKey("output_file_id"));
        assertFalse(done.containsKey("error_file_id"));
        assertEquals(0, done.getJsonObject("request_counts").getInt("total"));
        JsonObject errors = done.getJsonObject("errors");
        assertEquals("list", errors.getString("object"));
        List<String> got = errors.getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getInt("line") + " " + e.getString("code")).toList();
        assertEquals(List.of("2 invalid_json_line", "3 duplicate_custom_id", "4 invalid_url", "5 invalid_method"), got);
        assertEquals(videosBefore, counter(api, "videos_created"), "a refused file creates no generation");
    }

    @Test
    void aChatCompletionsBatchIsAnsweredByTheSameDeterministicJudge() {
        DailiesClient api = new DailiesClient(base);
        String judge = "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Score take 12 of shot 3.\"}]}";
        String other = "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Score take 13 of shot 3.\"}]}";
        String jsonl = chatLine("judge-12", judge) + chatLine("judge-13", other) + chatLine("judge-none", "{\"model\":\"gpt-4.1-mini\"}");
        JsonObject file = upload(api, "judge.jsonl", jsonl, "batch");
        JsonObject done = awaitBatch(api, createBatch(api, file.getString("id"), "/v1/chat/completions", null).getString("id"),
                new ArrayList<>());
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(2, done.getJsonObject("request_counts").getInt("completed"));
        assertEquals(1, done.getJsonObject("request_counts").getInt("failed"));

        Map<String, JsonObject> answers = new HashMap<>();
        for (JsonObject line : jsonLines(fileContent(api, done.getString("output_file_id")))) {
            answers.put(line.getString("custom_id"), line.getJsonObject("response").getJsonObject("body"));
        }
        assertEquals(Set.of("judge-12", "judge-13"), answers.keySet());
        JsonObject sync = api.postJson("emulator/v1/chat/completions", judge).json();
        assertEquals("chat.completion", answers.get("judge-12").getString("object"));
        assertEquals(content(sync), content(answers.get("judge-12")), "the batch answers as the sync endpoint does");
        assertNotEquals(content(answers.get("judge-12")), content(answers.get("judge-13")));

        List<JsonObject> errorLines = jsonLines(fileContent(api, done.getString("error_file_id")));
        assertEquals(1, errorLines.size());
        assertEquals("judge-none", errorLines.get(0).getString("custom_id"));
        assertEquals("messages", errorLines.get(0).getJsonObject("error").getString("param"));
    }

    @Test
    void aCancelledBatchEndsCancelledAccountingForEveryRequestAndCannotBeCancelledAgain() {
        DailiesClient api = new DailiesClient(base);
        String jsonl = videoLine("c-1", "sora-2", "720x1280", "A kettle starts to steam.")
                + videoLine("c-2", "sora-2", "720x1280", "A cat watches the kettle.");
        JsonObject file = upload(api, "cancel.jsonl", jsonl, "batch");
        String id = createBatch(api, file.getString("id"), "/v1/videos", null).getString("id");

        DailiesClient.Answer cancelling = api.post("emulator/v1/batches/" + id + "/cancel", null, new byte[0]);
        assertEquals(200, cancelling.status(), cancelling.body());
        assertConforms("Batch", cancelling.json());
        assertEquals("cancelling", cancelling.json().getString("status"));
        assertTrue(cancelling.json().containsKey("cancelling_at"));

        JsonObject done = awaitBatch(api, id, new ArrayList<>());
        assertEquals("cancelled", done.getString("status"), done.toString());
        assertTrue(done.containsKey("cancelled_at"));
        JsonObject counts = done.getJsonObject("request_counts");
        assertEquals(counts.getInt("total"), counts.getInt("completed") + counts.getInt("failed"), "every request is accounted for");
        if (done.containsKey("error_file_id")) {
            for (JsonObject line : jsonLines(fileContent(api, done.getString("error_file_id")))) {
                assertEquals("batch_cancelled", line.getJsonObject("error").getString("code"), line.toString());
            }
        }
        if (done.containsKey("output_file_id")) {
            for (JsonObject line : jsonLines(fileContent(api, done.getString("output_file_id")))) {
                assertEquals("completed", line.getJsonObject("response").getJsonObject("body").getString("status"));
            }
        }

        DailiesClient.Answer again = api.post("emulator/v1/batches/" + id + "/cancel", null, new byte[0]);
        assertEquals(409, again.status(), again.body());
        JsonObject error = again.json().getJsonObject("error");
        assertEquals("invalid_request_error", error.getString("type"));
        assertTrue(error.getString("message").contains("cancelled"), error.toString());
        assertFalse(error.isNull("code"));

        assertEquals(404, api.post("emulator/v1/batches/batch_doesnotexist/cancel", null, new byte[0]).status());
        DailiesClient.Answer missing = api.get("emulator/v1/batches/batch_doesnotexist");
        assertEquals(404, missing.status());
        assertTrue(missing.json().getJsonObject("error").getString("message").contains("batch_doesnotexist"));
    }

    @Test
    void batchesAreListedNewestFirstWithACursor() {
        DailiesClient api = new DailiesClient(base);
        String jsonl = chatLine("l-1", "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        String fileId = upload(api, "list.jsonl", jsonl, "batch").getString("id");
        String older = createBatch(api, fileId, "/v1/chat/completions", null).getString("id");
        String newer = createBatch(api, fileId, "/v1/chat/completions", null).getString("id");

        JsonObject first = api.get("emulator/v1/batches?limit=1").json();
        assertConforms("ListBatchesResponse", first);
        assertEquals("list", first.getString("object"));
        assertEquals(1, first.getJsonArray("data").size());
        assertEquals(newer, first.getJsonArray("data").getJsonObject(0).getString("id"));
        assertEquals(newer, first.getString("first_id"));
        assertTrue(first.getBoolean("has_more"));

        JsonObject second = api.get("emulator/v1/batches?limit=1&after=" + newer).json();
        assertConforms("ListBatchesResponse", second);
        assertEquals(older, second.getJsonArray("data").getJsonObject(0).getString("id"));

        DailiesClient.Answer badLimit = api.get("emulator/v1/batches?limit=0");
        assertEquals(400, badLimit.status());
        assertEquals("limit", badLimit.json().getJsonObject("error").getString("param"));

        assertEquals("completed", awaitBatch(api, older, new ArrayList<>()).getString("status"));
        assertEquals("completed", awaitBatch(api, newer, new ArrayList<>()).getString("status"));
    }

    @Test
    void filesAreUploadedListedRetrievedDownloadedAndDeleted() throws Exception {
        DailiesClient api = new DailiesClient(base);
        byte[] bytes = "storyboard notes\n".getBytes(StandardCharsets.UTF_8);
        DailiesClient.Answer uploaded = api.postMultipart("emulator/v1/files", "file", "notes.txt", bytes,
                "purpose", "user_data", "expires_after[anchor]", "created_at", "expires_after[seconds]", "3600");
        assertEquals(200, uploaded.status(), uploaded.body());
        JsonObject file = uploaded.json();
        assertConforms("OpenAIFile", file);
        String id = file.getString("id");
        assertEquals(file.getJsonNumber("created_at").longValue() + 3600, file.getJsonNumber("expires_at").longValue());
        assertEquals(bytes.length, file.getInt("bytes"));

        JsonObject list = api.get("emulator/v1/files?purpose=user_data").json();
        assertConforms("ListFilesResponse", list);
        assertTrue(list.getJsonArray("data").stream().map(JsonValue::asJsonObject).anyMatch(f -> f.getString("id").equals(id)));
        assertTrue(list.getJsonArray("data").stream().map(JsonValue::asJsonObject).allMatch(f -> f.getString("purpose").equals("user_data")));
        JsonObject newest = api.get("emulator/v1/files?limit=1").json();
        assertConforms("ListFilesResponse", newest);
        assertEquals(id, newest.getString("first_id"), "newest first by default");

        JsonObject retrieved = retrieveFile(api, id);
        assertEquals(file, retrieved);
        // The SDKs ask for file content with Accept: application/binary.
        HttpResponse<byte[]> content = http.send(HttpRequest.newBuilder(api.uri("emulator/v1/files/" + id + "/content"))
                .header("Accept", "application/binary").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, content.statusCode());
        assertEquals(new String(bytes, StandardCharsets.UTF_8), new String(content.body(), StandardCharsets.UTF_8));

        HttpResponse<String> deleted = delete(api, "emulator/v1/files/" + id);
        assertEquals(200, deleted.statusCode(), deleted.body());
        JsonObject deletion = json(deleted.body());
        assertConforms("DeleteFileResponse", deletion);
        assertEquals(id, deletion.getString("id"));
        assertEquals("file", deletion.getString("object"));
        assertTrue(deletion.getBoolean("deleted"));
        assertEquals(404, api.get("emulator/v1/files/" + id).status());
        assertEquals(404, api.get("emulator/v1/files/" + id + "/content").status());
        assertEquals(404, delete(api, "emulator/v1/files/" + id).statusCode());
        assertTrue(json(api.get("emulator/v1/files/" + id).body()).getJsonObject("error").getString("message").contains(id));

        // Refused uploads name the parameter.
        assertEquals("purpose", refusedParam(api.postMultipart("emulator/v1/files", "file", "a.jsonl", bytes, "purpose", "batch_output")));
        assertEquals("purpose", refusedParam(api.postMultipart("emulator/v1/files", "file", "a.jsonl", bytes)));
        assertEquals("file", refusedParam(api.postMultipart("emulator/v1/files", "file", null, null, "purpose", "batch")));
        assertEquals("expires_after", refusedParam(api.postMultipart("emulator/v1/files", "file", "a.txt", bytes, "purpose", "user_data",
                "expires_after[anchor]", "created_at", "expires_after[seconds]", "60")));

        // A batch needs an existing file uploaded for batches, a supported endpoint and the 24h window.
        String userData = upload(api, "data.jsonl", chatLine("u-1", "{}"), "user_data").getString("id");
        String batchFile = upload(api, "ok.jsonl", chatLine("u-1", "{}"), "batch").getString("id");
        assertEquals("input_file_id", refusedParam(api.postJson("emulator/v1/batches", batchRequest(id, "/v1/videos", "24h"))));
        assertEquals("input_file_id", refusedParam(api.postJson("emulator/v1/batches", batchRequest(userData, "/v1/chat/completions", "24h"))));
        assertEquals("endpoint", refusedParam(api.postJson("emulator/v1/batches", batchRequest(batchFile, "/v1/embeddings", "24h"))));
        assertEquals("completion_window", refusedParam(api.postJson("emulator/v1/batches", batchRequest(batchFile, "/v1/videos", "48h"))));
        assertEquals("input_file_id", refusedParam(api.postJson("emulator/v1/batches", "{\"endpoint\":\"/v1/videos\",\"completion_window\":\"24h\"}")));
    }

    // Helpers

    private static String videoLine(String customId, String model, String size, String prompt) {
        return Json.createObjectBuilder().add("custom_id", customId).add("method", "POST").add("url", "/v1/videos")
                .add("body", Json.createObjectBuilder().add("model", model).add("prompt", prompt).add("size", size).add("seconds", "4"))
                .build() + "\n";
    }

    private static String chatLine(String customId, String body) {
        return "{\"custom_id\":\"" + customId + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":" + body + "}\n";
    }

    private static String batchRequest(String fileId, String endpoint, String window) {
        return Json.createObjectBuilder().add("input_file_id", fileId).add("endpoint", endpoint).add("completion_window", window)
                .build().toString();
    }

    private static JsonObject upload(DailiesClient api, String filename, String content, String purpose) {
        DailiesClient.Answer a = api.postMultipart("emulator/v1/files", "file", filename, content.getBytes(StandardCharsets.UTF_8),
                "purpose", purpose);
        assertEquals(200, a.status(), a.body());
        assertConforms("OpenAIFile", a.json());
        return a.json();
    }

    private static JsonObject createBatch(DailiesClient api, String fileId, String endpoint, JsonObject metadata) {
        var request = Json.createObjectBuilder().add("input_file_id", fileId).add("endpoint", endpoint).add("completion_window", "24h");
        if (metadata != null) {
            request.add("metadata", metadata);
        }
        DailiesClient.Answer a = api.postJson("emulator/v1/batches", request.build().toString());
        assertEquals(200, a.status(), a.body());
        assertConforms("Batch", a.json());
        return a.json();
    }

    private static JsonObject getBatch(DailiesClient api, String id) {
        DailiesClient.Answer a = api.get("emulator/v1/batches/" + id);
        assertEquals(200, a.status(), a.body());
        assertConforms("Batch", a.json());
        return a.json();
    }

    /** Polls until the batch is finished, checking every answer against the reference; records the statuses seen. */
    private static JsonObject awaitBatch(DailiesClient api, String id, List<String> seen) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = getBatch(api, id);
            seen.add(last.getString("status"));
            if (FINISHED.contains(last.getString("status"))) {
                return last;
            }
            DailiesClient.pause(200);
        }
        fail("Batch " + id + " did not finish within " + TIMEOUT + "; last seen: " + last);
        return null;
    }

    private static JsonObject retrieveFile(DailiesClient api, String id) {
        DailiesClient.Answer a = api.get("emulator/v1/files/" + id);
        assertEquals(200, a.status(), a.body());
        assertConforms("OpenAIFile", a.json());
        return a.json();
    }

    private static String fileContent(DailiesClient api, String id) {
        DailiesClient.Answer a = api.get("emulator/v1/files/" + id + "/content");
        assertEquals(200, a.status(), a.body());
        return a.body();
    }

    private static List<JsonObject> jsonLines(String jsonl) {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                lines.add(json(line));
            }
        }
        return lines;
    }

    private static String content(JsonObject completion) {
        return completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
    }

    private static long counter(DailiesClient api, String name) {
        JsonObject counters = api.get("emulator/v1/control/counters").json();
        assertTrue(counters.containsKey(name), "control/counters has " + name + ": " + counters);
        return counters.getJsonNumber(name).longValue();
    }

    private static String refusedParam(DailiesClient.Answer a) {
        assertEquals(400, a.status(), a.body());
        JsonObject error = a.json().getJsonObject("error");
        assertEquals("invalid_request_error", error.getString("type"));
        return error.getString("param");
    }

    private HttpResponse<String> delete(DailiesClient api, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api.uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void assertConforms(String schema, JsonObject json) {
        List<String> violations = REFERENCE.violations(schema, json);
        assertTrue(violations.isEmpty(), schema + " violations: " + violations + " in " + json);
    }
}
