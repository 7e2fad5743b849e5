package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.Workbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every fault the emulator can inject, met by a whole run: the run ends in the right state (retried
 * and completed, or the take failed with a reason a producer understands), and the emulator's own
 * counters show no take was ever generated twice. Sync runs and Batch API runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RunFaultsIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @AfterEach
    void noMoreFaults() {
        new DailiesClient(base).delete("emulator/v1/control/faults");
    }

    @Test
    void rateLimitedCreatesAreRetriedAfterRetryAfter() throws Exception {
        Rendered r = render(plan("{\"fault\":\"rate_limit\",\"method\":\"POST\",\"path\":\"^/videos$\",\"count\":3,\"retry_after\":1}"), 3, "?mode=sync");
        r.assertAllScoredExactlyOnce();
        assertTrue(r.fired() >= 3, "the fault fired: " + r.fired());
    }

    @Test
    void serverErrorsAndUnavailabilityBeforeTheCallAreRetried() throws Exception {
        Rendered r = render(plan("{\"fault\":\"server_error\",\"method\":\"POST\",\"path\":\"^/videos$\",\"count\":1}",
                "{\"fault\":\"unavailable\",\"method\":\"GET\",\"path\":\"^/videos/[^/]+$\",\"count\":2,\"retry_after\":1}"), 2, "?mode=sync");
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aServerErrorAfterTheVideoWasCreatedIsReconciledNotPaidTwice() throws Exception {
        Rendered r = render(plan("{\"fault\":\"server_error\",\"method\":\"POST\",\"path\":\"^/videos$\",\"phase\":\"after\",\"count\":2}"), 2, "?mode=sync");
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aDroppedConnectionAfterTheCreateIsReconciled() throws Exception {
        Rendered r = render(plan("{\"fault\":\"drop\",\"method\":\"POST\",\"path\":\"^/videos$\",\"phase\":\"after\",\"count\":1}"), 2, "?mode=sync");
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aCreateAnsweredTooLateTimesOutAndIsReconciled() throws Exception {
        // The server's read timeout in the tests is 5 s (arquillian.xml): the answer comes after 7 s.
        Rendered r = render(plan("{\"fault\":\"slow\",\"method\":\"POST\",\"path\":\"^/videos$\",\"phase\":\"after\",\"delay_ms\":7000,\"count\":1}"), 2, "?mode=sync");
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aGenerationRefusedByContentPolicyFailsItsTakeWithThatReason() throws Exception {
        String tag = tag();
        Rendered r = render(tag, plan("{\"fault\":\"content_policy\",\"prompt\":\"" + tag + "-2 \"}"), 3, "?mode=sync");
        assertEquals("COMPLETED", r.run().getString("status"), r.run().toString());
        JsonObject refused = r.take("T-02");
        assertEquals("FAILED", refused.getString("status"));
        assertTrue(refused.getString("failure").contains("content policy"), refused.toString());
        assertTrue(refused.isNull("costUsd"), "a refused generation is not charged");
        assertEquals("SCORED", r.take("T-01").getString("status"));
        r.assertCreatedAtMostOnce();
    }

    @Test
    void contentThatExpiredBeforeItWasDownloadedFailsTheTakeSayingSo() throws Exception {
        // Content may be fetched for 0 s after completion: every download finds it gone.
        Rendered r = render(plan("{\"fault\":\"content_expired\",\"lifetime_s\":0}"), 1, "?mode=sync");
        JsonObject take = r.take("T-01");
        assertEquals("FAILED", take.getString("status"), take.toString());
        assertTrue(take.getString("failure").toLowerCase().contains("not found") || take.getString("failure").contains("expired"), take.toString());
        r.assertCreatedAtMostOnce();
    }

    @Test
    void aPerModelRateLimitSlowsTheRunDownButItCompletes() throws Exception {
        Rendered r = render(plan("{\"fault\":\"model_rate_limit\",\"model\":\"sora-2\",\"rpm\":2,\"retry_after\":1}"), 3, "?mode=sync&concurrency=3");
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aBatchRunRendersEveryTakeThroughOneBatchAtBatchPrice() throws Exception {
        long batchesBefore = counters().getJsonNumber("batches_created").longValue();
        Rendered r = render(plan(), 3, "?mode=batch&judge=true");
        r.assertAllScoredExactlyOnce();
        assertEquals("batch", r.run().getString("mode"));
        assertEquals(batchesBefore + 2, counters().getJsonNumber("batches_created").longValue(), "one batch of takes, one of judge requests");
        JsonArray batches = new DailiesClient(base).get("api/runs/" + r.runId()).json().getJsonArray("batches");
        assertEquals(2, batches.size(), batches.toString());
        assertEquals("completed", batches.getJsonObject(0).getString("status"));
        for (String shot : new String[] {"T-01", "T-02", "T-03"}) {
            JsonObject take = r.take(shot);
            assertEquals(0.20, take.getJsonNumber("costUsd").doubleValue(), 1e-9, "4 s of sora-2 at the batch price $0.05");
            assertTrue(take.getJsonObject("score").getInt("judgePromptAdherence") >= 0, "judged through the Batch API: " + take);
        }
    }

    @Test
    void aFailedBatchLineFailsOnlyItsTake() throws Exception {
        String tag = tag();
        // custom_id is "take-<id>": the rule names no take, so it fails the first line it meets, once.
        Rendered r = render(tag, plan("{\"fault\":\"batch_line\",\"count\":1,\"code\":\"server_error\",\"message\":\"The line could not be processed\"}"),
                3, "?mode=batch");
        assertEquals("COMPLETED", r.run().getString("status"), r.run().toString());
        long failed = r.takes().values().stream().filter(t -> "FAILED".equals(t.getString("status"))).count();
        assertEquals(1, failed, r.takes().toString());
        r.takes().values().stream().filter(t -> "FAILED".equals(t.getString("status")))
                .forEach(t -> assertTrue(t.getString("failure").contains("could not be processed"), t.toString()));
        r.assertCreatedAtMostOnce();
    }

    @Test
    void anExpiredBatchDeliversWhatWasDoneAndFailsTheRestSayingSo() throws Exception {
        Rendered r = render(plan("{\"fault\":\"batch_expired\"}"), 3, "?mode=batch");
        assertEquals("COMPLETED", r.run().getString("status"), r.run().toString());
        for (JsonObject take : r.takes().values()) {
            if ("FAILED".equals(take.getString("status"))) {
                assertTrue(take.getString("failure").toLowerCase(java.util.Locale.ROOT).contains("expired"), take.toString());
                assertTrue(take.isNull("costUsd"));
            } else {
                assertEquals("SCORED", take.getString("status"), take.toString());
            }
        }
        r.assertCreatedAtMostOnce();
    }

    @Test
    void inputReferencesGoToTheProviderOnceByFileIdOrAsAUrlAndAMissingOneFailsOnlyItsTake() throws Exception {
        String tag = tag();
        DailiesClient api = new DailiesClient(base);
        Object[][] rows = new Object[4][];
        rows[0] = io.dailies.shotlist.sheet.TestWorkbooks.HEADERS;
        String[] refs = {"refs/Throne-Room.png", "https://images.example/throne-room.png", "refs/throne-room.png"};
        for (int i = 0; i < 3; i++) {
            Object[] shot = java.util.Arrays.copyOf(io.dailies.shotlist.sheet.TestWorkbooks.shot("Tests", "T-0" + (i + 1), 4),
                    io.dailies.shotlist.sheet.ShotColumn.values().length);
            shot[io.dailies.shotlist.sheet.ShotColumn.SUBJECT_ACTION.ordinal()] = "In take " + tag + "-" + (i + 1)
                    + " the queen takes four steps to the window, pauses, and pulls the curtain in the final second.";
            shot[io.dailies.shotlist.sheet.ShotColumn.INPUT_REFERENCE.ordinal()] = refs[i];
            rows[i + 1] = shot;
        }
        JsonObject imported = api.importShotlist("refs-" + tag + ".xlsx", Workbooks.xlsx("Shots", rows), "References " + tag);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();

        // Before the image is uploaded, the shots naming it fail with the reason; nothing is paid for them.
        long first = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]).json().getJsonNumber("id").longValue();
        assertEquals("COMPLETED", api.awaitStatus("api/runs/" + first, Set.of("COMPLETED", "FAILED"), Duration.ofMinutes(3)).getString("status"));
        Map<String, JsonObject> before = new HashMap<>();
        api.get("api/runs/" + first + "/takes").array().forEach(v -> before.put(v.asJsonObject().getString("shot"), v.asJsonObject()));
        assertEquals("FAILED", before.get("T-01").getString("status"));
        assertTrue(before.get("T-01").getString("failure").contains("/references"), before.get("T-01").toString());
        assertEquals("SCORED", before.get("T-02").getString("status"), "an image URL needs no upload");

        DailiesClient.Answer notAnImage = api.postMultipart("api/projects/" + projectId + "/references", "file", "throne-room.png",
                "not an image".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notAnImage.status(), notAnImage.body());
        DailiesClient.Answer stored = api.postMultipart("api/projects/" + projectId + "/references", "file", "throne-room.png", png());
        assertEquals(200, stored.status(), stored.body());

        long second = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]).json().getJsonNumber("id").longValue();
        assertEquals("COMPLETED", api.awaitStatus("api/runs/" + second, Set.of("COMPLETED", "FAILED"), Duration.ofMinutes(3)).getString("status"));
        for (JsonValue v : api.get("api/runs/" + second + "/takes").array()) {
            assertEquals("SCORED", v.asJsonObject().getString("status"), v.toString());
        }
        long sent = api.get("emulator/v1/files?purpose=vision&limit=10000").json().getJsonArray("data").stream()
                .filter(f -> f.asJsonObject().getString("filename").equals("throne-room.png")).count();
        assertEquals(1, sent, "two shots name the same image: it goes to the provider once");
        JsonObject image = api.get("api/projects/" + projectId + "/references").array().getJsonObject(0);
        assertTrue(image.getString("providerFileId").startsWith("file-"), image.toString());
    }

    private static byte[] png() throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 36, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    // --- helpers ---

    private record Rendered(DailiesClient api, long projectId, long runId, JsonObject run, Map<String, JsonObject> takes,
                            Map<String, String> prompts, int fired) {

        JsonObject take(String shot) {
            return takes.get(shot);
        }

        void assertAllScoredExactlyOnce() throws Exception {
            assertEquals("COMPLETED", run.getString("status"), run.toString());
            for (JsonObject t : takes.values()) {
                assertEquals("SCORED", t.getString("status"), t.toString());
            }
            JsonObject perPrompt = api.get("emulator/v1/control/counters").json().getJsonObject("created_per_prompt");
            for (Map.Entry<String, String> p : prompts.entrySet()) {
                assertEquals(1, perPrompt.getInt(sha256(p.getValue()), 0), "shot " + p.getKey() + " generated exactly once");
            }
        }

        void assertCreatedAtMostOnce() throws Exception {
            JsonObject perPrompt = api.get("emulator/v1/control/counters").json().getJsonObject("created_per_prompt");
            for (Map.Entry<String, String> p : prompts.entrySet()) {
                assertTrue(perPrompt.getInt(sha256(p.getValue()), 0) <= 1, "shot " + p.getKey() + " never generated twice");
            }
        }
    }

    private Rendered render(String plan, int shots, String query) throws Exception {
        return render(tag(), plan, shots, query);
    }

    private Rendered render(String tag, String plan, int shots, String query) throws Exception {
        DailiesClient api = new DailiesClient(base);
        JsonObject imported = api.importShotlist("faults-" + tag + ".xlsx", Workbooks.shots(tag, shots), "Faults " + tag);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        DailiesClient.Answer set = api.put("emulator/v1/control/faults", plan);
        assertEquals(200, set.status(), set.body());
        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs" + query, null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(4));
        int fired = 0;
        for (JsonValue rule : api.get("emulator/v1/control/faults").json().getJsonArray("rules")) {
            fired += rule.asJsonObject().getInt("fired", 0);
        }
        api.delete("emulator/v1/control/faults");
        Map<String, JsonObject> takes = new HashMap<>();
        for (JsonValue v : api.get("api/runs/" + runId + "/takes").array()) {
            takes.put(v.asJsonObject().getString("shot"), v.asJsonObject());
        }
        Map<String, String> prompts = new HashMap<>();
        for (JsonValue v : api.get("api/projects/" + projectId + "/shots").array()) {
            prompts.put(v.asJsonObject().getString("shot"), v.asJsonObject().getString("prompt"));
        }
        return new Rendered(api, projectId, runId, api.get("api/runs/" + runId).json(), takes, prompts, fired);
    }

    private JsonObject counters() {
        return new DailiesClient(base).get("emulator/v1/control/counters").json();
    }

    private static String plan(String... rules) {
        return "{\"seed\":7,\"rules\":[" + String.join(",", rules) + "]}";
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
