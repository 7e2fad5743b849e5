package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Batch and OpenAIFile JSON at every stage conform to the reference schemas; the request checks refuse what they should. */
class BatchResourcesTest {

    private static final ReferenceSchema REFERENCE = new ReferenceSchema();
    private static final long T = 1_760_000_000_000L;

    private static EmulatedBatch batch() {
        return new EmulatedBatch("batch_abc", "/v1/videos", "file-abc", T, 1000, 86_400_000, null, null);
    }

    @Test
    void aBatchConformsToTheReferenceAtEveryStage() {
        EmulatedBatch b = batch();
        JsonObject validating = conforms(BatchesEndpoint.resource(b));
        assertEquals("validating", validating.getString("status"));
        assertEquals(T / 1000, validating.getJsonNumber("created_at").longValue());
        assertEquals(T / 1000 + 86_400, validating.getJsonNumber("expires_at").longValue());
        assertEquals("24h", validating.getString("completion_window"));
        assertFalse(validating.containsKey("output_file_id"), "nothing that has not happened is shown");
        assertFalse(validating.containsKey("errors"));
        assertTrue(validating.isNull("metadata"));
        assertEquals(0, validating.getJsonObject("request_counts").getInt("total"));

        b.start(T + 1000);
        b.count(3, 1, 0);
        JsonObject running = conforms(BatchesEndpoint.resource(b));
        assertEquals("in_progress", running.getString("status"));
        assertEquals(T / 1000 + 1, running.getJsonNumber("in_progress_at").longValue());
        assertEquals(1, running.getJsonObject("request_counts").getInt("completed"));

        b.finalizing(T + 5000);
        b.close("completed", T + 6000, "file-out", "file-err");
        b.count(3, 2, 1);
        JsonObject completed = conforms(BatchesEndpoint.resource(b));
        assertEquals("completed", completed.getString("status"));
        assertEquals("file-out", completed.getString("output_file_id"));
        assertEquals("file-err", completed.getString("error_file_id"));
        assertEquals(T / 1000 + 6, completed.getJsonNumber("completed_at").longValue());
        assertEquals(T / 1000 + 5, completed.getJsonNumber("finalizing_at").longValue());
        assertEquals(1, completed.getJsonObject("request_counts").getInt("failed"));
    }

    @Test
    void failedCancelledAndExpiredBatchesConformToo() {
        EmulatedBatch failed = new EmulatedBatch("batch_f", "/v1/chat/completions", "file-f", T, 1000, 86_400_000,
                "{\"job\":\"nightly\"}", 7200L);
        failed.fail(T + 1000, BatchProcessor.errors(List.of(new BatchInput.Problem("invalid_json_line", "Line 2 is not JSON.", null, 2))));
        JsonObject f = conforms(BatchesEndpoint.resource(failed));
        assertEquals("failed", f.getString("status"));
        assertEquals(2, f.getJsonObject("errors").getJsonArray("data").getJsonObject(0).getInt("line"));
        assertEquals("nightly", f.getJsonObject("metadata").getString("job"));
        assertTrue(f.containsKey("failed_at"));

        EmulatedBatch cancelled = batch();
        cancelled.cancelling(T + 500);
        assertEquals("cancelling", conforms(BatchesEndpoint.resource(cancelled)).getString("status"));
        cancelled.close("cancelled", T + 1500, null, "file-err");
        JsonObject c = conforms(BatchesEndpoint.resource(cancelled));
        assertTrue(c.containsKey("cancelling_at") && c.containsKey("cancelled_at"));
        assertFalse(c.containsKey("output_file_id"));

        EmulatedBatch expired = batch();
        expired.start(T + 1000);
        expired.close("expired", T + 9000, "file-out", null);
        assertEquals(T / 1000 + 9, conforms(BatchesEndpoint.resource(expired)).getJsonNumber("expired_at").longValue());
        assertThrows(IllegalArgumentException.class, () -> batch().close("in_progress", T, null, null));
    }

    @Test
    void aFileConformsWithAndWithoutExpiry() {
        JsonObject kept = FilesEndpoint.resource(new EmulatedFile("file-1", "shots.jsonl", "user_data", 42, T, null));
        assertEquals(List.of(), REFERENCE.violations("OpenAIFile", kept));
        assertFalse(kept.containsKey("expires_at"));
        assertEquals(42, kept.getInt("bytes"));
        assertEquals("processed", kept.getString("status"));
        JsonObject expiring = FilesEndpoint.resource(new EmulatedFile("file-2", "out.jsonl", "batch_output", 7, T, T / 1000 + 3600));
        assertEquals(List.of(), REFERENCE.violations("OpenAIFile", expiring));
        assertEquals(T / 1000 + 3600, expiring.getJsonNumber("expires_at").longValue());
    }

    @Test
    void aFileIsGoneOnceDeletedOrExpired() {
        EmulatedFile f = new EmulatedFile("file-3", "a", "batch", 1, T, T / 1000 + 10);
        assertFalse(f.isGone(T));
        assertTrue(f.isGone(T + 10_000));
        EmulatedFile kept = new EmulatedFile("file-4", "a", "batch", 1, T, null);
        assertFalse(kept.isGone(Long.MAX_VALUE));
        kept.delete();
        assertTrue(kept.isGone(T));
    }

    @Test
    void metadataFollowsTheReferenceLimits() {
        assertNull(BatchesEndpoint.metadata(null));
        assertNull(BatchesEndpoint.metadata(JsonValue.NULL));
        assertEquals("{\"a\":\"b\"}", BatchesEndpoint.metadata(json("{\"a\":\"b\"}")));
        assertEquals("metadata", param(() -> BatchesEndpoint.metadata(json("{\"a\":1}"))));
        assertEquals("metadata", param(() -> BatchesEndpoint.metadata(Json.createValue("x"))));
        assertEquals("metadata", param(() -> BatchesEndpoint.metadata(json("{\"" + "k".repeat(65) + "\":\"v\"}"))));
        assertEquals("metadata", param(() -> BatchesEndpoint.metadata(json("{\"k\":\"" + "v".repeat(513) + "\"}"))));
        StringBuilder seventeen = new StringBuilder("{");
        for (int i = 0; i < 17; i++) {
            seventeen.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertEquals("metadata", param(() -> BatchesEndpoint.metadata(json(seventeen.append("}").toString()))));
    }

    @Test
    void expiryPoliciesNeedTheCreatedAtAnchorAndOneHourToThirtyDays() {
        assertEquals(3600, FilesEndpoint.expiresAfter("expires_after", "created_at", 3600L));
        assertEquals(2_592_000, FilesEndpoint.expiresAfter("expires_after", "created_at", 2_592_000L));
        assertEquals("expires_after", param(() -> FilesEndpoint.expiresAfter("expires_after", "created_at", 3599L)));
        assertEquals("expires_after", param(() -> FilesEndpoint.expiresAfter("expires_after", "created_at", 2_592_001L)));
        assertEquals("expires_after", param(() -> FilesEndpoint.expiresAfter("expires_after", "last_active_at", 3600L)));
        assertEquals("output_expires_after", param(() -> FilesEndpoint.expiresAfter("output_expires_after", "created_at", null)));
    }

    @Test
    void uploadNamesLoseTheirFolders() {
        assertEquals("shots.jsonl", FilesEndpoint.filename("C:\\Users\\me\\shots.jsonl"));
        assertEquals("shots.jsonl", FilesEndpoint.filename("../../etc/shots.jsonl"));
        assertEquals("file", FilesEndpoint.filename(null));
        assertEquals("file", FilesEndpoint.filename("dir/"));
        assertEquals(255, FilesEndpoint.filename("x".repeat(300)).length());
    }

    @Test
    void anUploadIsCopiedUpToOneByteOverItsLimit() throws IOException {
        byte[] ten = new byte[10];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(10, FileStore.copyAtMost(new ByteArrayInputStream(ten), out, 10), "exactly the limit fits");
        assertEquals(10, out.size());
        out.reset();
        assertEquals(10, FileStore.copyAtMost(new ByteArrayInputStream(new byte[1_000_000]), out, 9), "stops one past the limit");
        assertEquals(10, out.size());
        assertEquals(0, FileStore.copyAtMost(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), 9));
    }

    private static JsonObject conforms(JsonObject batch) {
        List<String> violations = REFERENCE.violations("Batch", batch);
        assertEquals(List.of(), violations, batch.toString());
        return batch;
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static String param(Runnable call) {
        WebApplicationException e = assertThrows(WebApplicationException.class, call::run);
        JsonObject error = Json.createReader(new StringReader((String) e.getResponse().getEntity())).readObject().getJsonObject("error");
        assertEquals(400, e.getResponse().getStatus());
        return error.getString("param");
    }
}
