package io.dailies.emulator;

import static io.dailies.emulator.BatchProcessor.Step.CANCEL;
import static io.dailies.emulator.BatchProcessor.Step.COMPLETE;
import static io.dailies.emulator.BatchProcessor.Step.EXPIRE;
import static io.dailies.emulator.BatchProcessor.Step.FINALIZE;
import static io.dailies.emulator.BatchProcessor.Step.NONE;
import static io.dailies.emulator.BatchProcessor.Step.VALIDATE;
import static io.dailies.emulator.BatchProcessor.Step.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle rule, the output and error line shapes, and the keys that make a generation happen once. */
class BatchProcessorTest {

    private static final long CREATED = 1_000_000;
    private static final long VALIDATED = CREATED + 1000;
    private static final long EXPIRES = CREATED + 86_400_000;

    private static BatchProcessor.Step next(String status, long now, int total, int completed, int failed, boolean fault) {
        return BatchProcessor.next(status, now, VALIDATED, EXPIRES, total, completed, failed, fault);
    }

    @Test
    void aValidatingBatchWaitsItsTimeThenIsValidated() {
        assertEquals(WAIT, next("validating", CREATED, 0, 0, 0, false));
        assertEquals(WAIT, next("validating", VALIDATED - 1, 0, 0, 0, false));
        assertEquals(VALIDATE, next("validating", VALIDATED, 0, 0, 0, false));
        assertEquals(EXPIRE, next("validating", EXPIRES, 0, 0, 0, false), "a window that closed before validation expires it");
    }

    @Test
    void aRunningBatchFinalizesWhenEveryRequestIsDoneAndExpiresWhenItsWindowClosesFirst() {
        assertEquals(WAIT, next("in_progress", VALIDATED, 3, 1, 1, false));
        assertEquals(FINALIZE, next("in_progress", VALIDATED, 3, 2, 1, false));
        assertEquals(FINALIZE, next("in_progress", VALIDATED, 3, 0, 3, false), "all failed is still done");
        assertEquals(EXPIRE, next("in_progress", EXPIRES, 3, 2, 0, false));
        assertEquals(FINALIZE, next("in_progress", EXPIRES, 3, 2, 1, false), "work that is done is delivered, not expired");
    }

    @Test
    void theExpiryFaultExpiresARunningBatchOnceSomethingCanBeDelivered() {
        assertEquals(WAIT, next("in_progress", VALIDATED, 3, 0, 0, true), "nothing done yet: keep going");
        assertEquals(WAIT, next("in_progress", VALIDATED, 3, 0, 1, true), "only a failure: nothing to deliver yet");
        assertEquals(EXPIRE, next("in_progress", VALIDATED, 3, 1, 0, true));
        assertEquals(EXPIRE, next("in_progress", VALIDATED, 3, 0, 3, true), "all done: it still ends expired, as the plan said");
        assertEquals(VALIDATE, next("validating", VALIDATED, 0, 0, 0, true), "the fault acts on running batches only");
    }

    @Test
    void aStuckRequestHoldsItsBatchInProgressUntilTheWindowClosesThenItExpires() {
        // Two of three requests done, the third's generation stuck (never completed, never failed).
        assertEquals(WAIT, next("in_progress", VALIDATED + 3_600_000, 3, 2, 0, false));
        assertEquals(WAIT, next("in_progress", EXPIRES - 1, 3, 2, 0, false));
        assertEquals(EXPIRE, next("in_progress", EXPIRES, 3, 2, 0, false));
    }

    @Test
    void finalizingCancellingAndFinishedBatches() {
        assertEquals(COMPLETE, next("finalizing", VALIDATED, 3, 2, 1, false));
        assertEquals(CANCEL, next("cancelling", VALIDATED, 3, 0, 0, false));
        for (String finished : List.of("completed", "failed", "expired", "cancelled")) {
            assertEquals(NONE, next(finished, EXPIRES + 1, 3, 3, 0, true), finished);
        }
    }

    @Test
    void outputAndErrorLinesHaveTheShapesOfBatchJsonl() {
        JsonObject body = Json.createObjectBuilder().add("id", "video_1").add("object", "video").build();
        JsonObject out = BatchProcessor.outputLine("batch_req_1", "shot-1", "req_1", body);
        assertEquals("batch_req_1", out.getString("id"));
        assertEquals("shot-1", out.getString("custom_id"));
        assertEquals(200, out.getJsonObject("response").getInt("status_code"));
        assertEquals("req_1", out.getJsonObject("response").getString("request_id"));
        assertEquals(body, out.getJsonObject("response").getJsonObject("body"));
        assertTrue(out.isNull("error"));

        JsonObject err = BatchProcessor.errorLine("batch_req_2", "shot-2", "invalid_value", "size", "Invalid value for 'size'.");
        assertTrue(err.isNull("response"));
        assertEquals("invalid_value", err.getJsonObject("error").getString("code"));
        assertEquals("Invalid value for 'size'.", err.getJsonObject("error").getString("message"));
        assertEquals("size", err.getJsonObject("error").getString("param"));
        assertTrue(BatchProcessor.errorLine("r", "c", "batch_expired", null, "m").getJsonObject("error").isNull("param"));
    }

    @Test
    void refusedFilesListTheirProblemsInTheReferenceErrorsObject() {
        String errors = BatchProcessor.errors(List.of(new BatchInput.Problem("duplicate_custom_id", "dup", "custom_id", 3),
                new BatchInput.Problem("empty_file", "empty", null, null)));
        JsonObject json = Json.createReader(new StringReader(errors)).readObject();
        assertEquals("list", json.getString("object"));
        assertEquals(3, json.getJsonArray("data").getJsonObject(0).getInt("line"));
        assertTrue(json.getJsonArray("data").getJsonObject(1).isNull("line"));
        List<String> violations = new ReferenceSchema().violations("BatchError", json.getJsonArray("data").getJsonObject(0));
        assertEquals(List.of(), violations);
    }

    @Test
    void outputIsInTheOrderRequestsFinishedNotTheInputOrder() {
        EmulatedBatchLine first = line(1, "batch_req_b");
        EmulatedBatchLine second = line(2, "batch_req_a");
        EmulatedBatchLine third = line(3, "batch_req_c");
        third.succeed(100);
        first.succeed(300);
        second.fail("x", null, "y", 200);
        List<EmulatedBatchLine> lines = new ArrayList<>(List.of(first, second, third));
        lines.sort(BatchProcessor.DELIVERY);
        assertEquals(List.of(3, 2, 1), lines.stream().map(EmulatedBatchLine::getNumber).toList());
    }

    @Test
    void theIdempotencyKeyOfARequestIsStableAndFitsItsColumn() {
        String batch = "batch_" + "0".repeat(24);
        assertEquals("batch:" + batch + ":shot-12", BatchProcessor.idempotencyKey(batch, "shot-12"));
        String longId = "s".repeat(500);
        String key = BatchProcessor.idempotencyKey(batch, longId);
        assertTrue(key.length() <= 80, key);
        assertEquals(key, BatchProcessor.idempotencyKey(batch, longId));
        assertNotEquals(key, BatchProcessor.idempotencyKey(batch, longId + "t"));
        assertNotEquals(key, BatchProcessor.idempotencyKey("batch_" + "1".repeat(24), longId));
    }

    @Test
    void onlyALockHeldByAnotherAdvanceIsTakenForBusy() {
        assertTrue(BatchProcessor.lockBusy(new PessimisticLockException("held")));
        assertTrue(BatchProcessor.lockBusy(new RuntimeException(new LockTimeoutException("held"))));
        assertEquals(false, BatchProcessor.lockBusy(new PersistenceException("broken")));
        assertEquals(false, BatchProcessor.lockBusy(new IllegalStateException()));
    }

    private static EmulatedBatchLine line(int number, String resultId) {
        return new EmulatedBatchLine("batch_x", number, "c" + number, resultId, "req_" + number);
    }
}
