package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(3, r.fired(0), "the fault fired three times");
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void serverErrorsAndUnavailabilityBeforeTheCallAreRetried() throws Exception {
        Rendered r = render(plan("{\"fault\":\"server_error\",\"method\":\"POST\",\"path\":\"^/videos$\",\"count\":1}",
                "{\"fault\":\"unavailable\",\"method\":\"GET\",\"path\":\"^/videos/[^/]+$\",\"count\":2,\"retry_after\":1}"), 2,
                "?mode=sync&concurrency=1"); // one take in flight is polled by retrieve, where the 503s wait
        r.assertEveryFaultFired();
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aServerErrorAfterTheVideoWasCreatedIsReconciledNotPaidTwice() throws Exception {
        Rendered r = render(plan("{\"fault\":\"server_error\",\"method\":\"POST\",\"path\":\"^/videos$\",\"phase\":\"after\",\"count\":2}"), 2, "?mode=sync");
        r.assertEveryFaultFired();
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aDroppedConnectionAfterTheCreateIsReconciled() throws Exception {
        Rendered r = render(plan("{\"fault\":\"drop\",\"method\":\"POST\",\"path\":\"^/videos$\",\"phase\":\"after\",\"count\":1}"), 2, "?mode=sync");
        r.assertEveryFaultFired();
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aCreateAnsweredTooLateTimesOutAndIsReconciled() throws Exception {
        // The server's read timeout in the tests is 5 s (arquillian.xml): the answer comes after 7 s.
        Rendered r = render(plan("{\"fault\":\"slow\",\"method\":\"POST\",\"path\":\"^/videos$\",\"phase\":\"after\",\"delay_ms\":7000,\"count\":1}"), 2, "?mode=sync");
        r.assertEveryFaultFired();
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void aGenerationRefusedByContentPolicyFailsItsTakeWithThatReason() throws Exception {
        String tag = tag();
        Rendered r = render(tag, plan("{\"fault\":\"content_policy\",\"prompt\":\"" + tag + "-2 \"}"), 3, "?mode=sync");
        r.assertEveryFaultFired();
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
        long goneBefore = goneDownloads();
        Rendered r = render(plan("{\"fault\":\"content_expired\",\"lifetime_s\":0}"), 1, "?mode=sync");
        // content_expired is a lifetime, not a tally: its firing shows as downloads answered 404.
        assertTrue(goneDownloads() > goneBefore, "the fault fired: a download found the content gone");
        JsonObject take = r.take("T-01");
        assertEquals("FAILED", take.getString("status"), take.toString());
        assertTrue(take.getString("failure").toLowerCase().contains("not found") || take.getString("failure").contains("expired"), take.toString());
        r.assertCreatedAtMostOnce();
    }

    @Test
    void aPerModelRateLimitSlowsTheRunDownButItCompletes() throws Exception {
        Rendered r = render(plan("{\"fault\":\"model_rate_limit\",\"model\":\"sora-2\",\"rpm\":2,\"retry_after\":1}"), 3, "?mode=sync&concurrency=3");
        r.assertEveryFaultFired();
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
        r.assertEveryFaultFired();
        assertEquals("COMPLETED", r.run().getString("status"), r.run().toString());
        long failed = r.takes().values().stream().filter(t -> "FAILED".equals(t.getString("status"))).count();
        assertEquals(1, failed, r.takes().toString());
        r.takes().values().stream().filter(t -> "FAILED".equals(t.getString("status")))
                .forEach(t -> assertTrue(t.getString("failure").contains("could not be processed"), t.toString()));
        r.assertCreatedAtMostOnce();
    }

    @Test
    void anExpiredBatchDeliversWhatWasDoneAndFailsTheRestSayingSo() throws Exception {
        // The fault expires the batch once its first request completed: with six takes encoded two at a time,
        // some are done and the rest are not.
        Rendered r = render(plan("{\"fault\":\"batch_expired\"}"), 6, "?mode=batch");
        r.assertEveryFaultFired();
        assertEquals("COMPLETED", r.run().getString("status"), r.run().toString());
        JsonObject batch = r.api().get("api/runs/" + r.runId()).json().getJsonArray("batches").getJsonObject(0);
        assertEquals("expired", batch.getString("status"), "the run shows its batch expired: " + batch);
        int expired = 0;
        int delivered = 0;
        for (JsonObject take : r.takes().values()) {
            if ("FAILED".equals(take.getString("status"))) {
                assertTrue(take.getString("failure").toLowerCase(java.util.Locale.ROOT).contains("expired"), take.toString());
                assertTrue(take.isNull("costUsd"), "an expired take is not charged: " + take);
                expired++;
            } else {
                assertEquals("SCORED", take.getString("status"), take.toString());
                assertTrue(take.getJsonNumber("costUsd").doubleValue() > 0, "a delivered take is charged: " + take);
                delivered++;
            }
        }
        assertTrue(expired > 0, "some takes were still pending when the window closed: " + r.takes());
        assertTrue(delivered > 0, "what was done is delivered: " + r.takes());
        r.assertCreatedAtMostOnce();
    }

    @Test
    void aGenerationThatNeverFinishesTimesOutAndOnlyThatTakeFails() throws Exception {
        String tag = tag();
        // The test server gives a generation 45 s (dailies.provider.generation-timeout-s in dailies.pom.xml).
        Rendered r = render(tag, plan("{\"fault\":\"stuck\",\"prompt\":\"" + tag + "-2 \"}"), 3, "?mode=sync&concurrency=3");
        assertEquals(1, r.fired(0), "one generation got stuck");
        assertEquals("COMPLETED", r.run().getString("status"), r.run().toString());
        JsonObject stuck = r.take("T-02");
        assertEquals("FAILED", stuck.getString("status"), stuck.toString());
        assertTrue(stuck.getString("failure").startsWith("Gave up after 45 s"), stuck.toString());
        assertTrue(stuck.isNull("costUsd"), "no take delivered, nothing charged: " + stuck);
        assertEquals("SCORED", r.take("T-01").getString("status"));
        assertEquals("SCORED", r.take("T-03").getString("status"));
        r.assertCreatedAtMostOnce();
    }

    @Test
    void aRunningRunStopsWhenAskedAndOnlyWhereItsStateAllows() throws Exception {
        String tag = tag();
        DailiesClient api = new DailiesClient(base);
        JsonObject imported = api.importShotlist("stop-" + tag + ".xlsx", Workbooks.shots(tag, 2), "Stop " + tag);
        long projectId = imported.getJsonNumber("projectId").longValue();
        // One generation never finishes, so the run is still running when it is asked to stop.
        assertEquals(200, api.put("emulator/v1/control/faults", plan("{\"fault\":\"stuck\",\"prompt\":\"" + tag + "-1 \"}")).status());
        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]);
        long runId = started.json().getJsonNumber("id").longValue();
        // Running, with the stuck generation at the provider: the run cannot end for 45 s (the test server's
        // generation timeout), so the stop lands while it runs.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject run = api.get("api/runs/" + runId).json();
        while (!(run.getString("status").equals("RUNNING") && stuckFired(api) == 1)) {
            assertTrue(System.nanoTime() < deadline, "the stuck generation was never created: " + run);
            DailiesClient.pause(200);
            run = api.get("api/runs/" + runId).json();
        }

        DailiesClient.Answer stop = api.post("api/runs/" + runId + "/stop", null, new byte[0]);
        assertEquals(202, stop.status(), stop.body());
        JsonObject stopped = api.awaitStatus("api/runs/" + runId, Set.of("STOPPED", "COMPLETED", "FAILED"), Duration.ofSeconds(30));
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());
        DailiesClient.Answer again = api.post("api/runs/" + runId + "/stop", null, new byte[0]);
        assertEquals(409, again.status(), again.body());
        assertTrue(again.json().getString("detail").contains("only a QUEUED or RUNNING run can be stopped"), again.body());
        assertEquals(404, api.post("api/runs/999999999/stop", null, new byte[0]).status());

        // A stopped run can be abandoned for good: it is never restarted; abandoning twice, or a finished run, is refused.
        DailiesClient.Answer abandoned = api.post("api/runs/" + runId + "/abandon", null, new byte[0]);
        assertEquals(200, abandoned.status(), abandoned.body());
        assertEquals(DailiesClient.ADMIN_USER, abandoned.json().getString("abandonedBy"));
        assertFalse(abandoned.json().isNull("abandonedAt"));
        DailiesClient.Answer restart = api.post("api/runs/" + runId + "/restart", null, new byte[0]);
        assertEquals(409, restart.status(), restart.body());
        assertTrue(restart.json().getString("detail").contains("was abandoned by " + DailiesClient.ADMIN_USER), restart.body());
        assertEquals(409, api.post("api/runs/" + runId + "/abandon", null, new byte[0]).status());
        // The take left at the provider says so, instead of waiting for ever.
        jakarta.json.JsonArray takes = api.all("api/runs/" + runId + "/takes");
        assertTrue(takes.stream().map(t -> t.asJsonObject().getString("status")).noneMatch(Set.of("PLANNED", "SUBMITTING", "GENERATING")::contains),
                takes.toString());
        assertTrue(takes.stream().map(jakarta.json.JsonValue::asJsonObject).anyMatch(t -> t.getString("status").equals("FAILED")
                && t.getString("failure").contains("was abandoned by " + DailiesClient.ADMIN_USER + " while this take was with the provider")),
                takes.toString());
        long execution = stopped.getJsonNumber("jobExecutionId").longValue();
        assertTrue(api.all("api/jobs?job=render-run").stream().map(j -> j.asJsonObject())
                .anyMatch(j -> j.getJsonNumber("executionId").longValue() == execution && j.getString("batchStatus").equals("ABANDONED")),
                "the job repository knows it is abandoned");
    }

    private static int stuckFired(DailiesClient api) {
        return api.get("emulator/v1/control/faults").json().getJsonArray("rules").getJsonObject(0).getInt("fired");
    }

    @Test
    void faultsOnTheListCallLeaveThePollingToRetrieveAndTheRunCompletes() throws Exception {
        // With three takes in flight the render loop reads their states from one list call: it fails three times.
        Rendered r = render(plan("{\"fault\":\"unavailable\",\"method\":\"GET\",\"path\":\"^/videos$\",\"count\":3}"), 3,
                "?mode=sync&concurrency=3");
        r.assertEveryFaultFired();
        r.assertAllScoredExactlyOnce();
    }

    @Test
    void faultsOnContentDownloadsAreRetriedAndEveryTakeIsStored() throws Exception {
        Rendered r = render(plan("{\"fault\":\"server_error\",\"method\":\"GET\",\"path\":\"^/videos/[^/]+/content$\",\"count\":2}"),
                2, "?mode=sync");
        assertEquals(2, r.fired(0), "both faults on downloads fired");
        r.assertAllScoredExactlyOnce();
        r.takes().values().forEach(t -> assertTrue(!t.isNull("storedAt"), "stored: " + t));
    }

    @Test
    void faultsOnTheBatchInputUploadAndTheBatchCreateAreReconciledIntoOneBatch() throws Exception {
        long batchesBefore = counters().getJsonNumber("batches_created").longValue();
        // The upload is refused once; the create is made at the provider but its answer is cut.
        Rendered r = render(plan("{\"fault\":\"server_error\",\"method\":\"POST\",\"path\":\"^/files$\",\"count\":1}",
                "{\"fault\":\"drop\",\"method\":\"POST\",\"path\":\"^/batches$\",\"phase\":\"after\",\"count\":1}"), 3, "?mode=batch");
        r.assertEveryFaultFired();
        r.assertAllScoredExactlyOnce();
        assertEquals(batchesBefore + 1, counters().getJsonNumber("batches_created").longValue(),
                "the batch whose answer was lost was found at the provider, not made twice");
    }

    @Test
    void aProviderThatStaysUnavailableFailsTheRunClearlyAndARestartCompletesItWithNoDoubleCreate() throws Exception {
        DailiesClient api = new DailiesClient(base);
        String tag = tag();
        JsonObject imported = api.importShotlist("outage-" + tag + ".xlsx", Workbooks.shots(tag, 2), "Outage " + tag);
        long projectId = imported.getJsonNumber("projectId").longValue();
        // Every create is made but answered 500, and the list that would find them is unavailable: the ledger
        // cannot tell whether a take was made, so it must neither resend nor give the take up.
        DailiesClient.Answer set = api.put("emulator/v1/control/faults", plan(
                "{\"fault\":\"server_error\",\"method\":\"POST\",\"path\":\"^/videos$\",\"phase\":\"after\"}",
                "{\"fault\":\"unavailable\",\"method\":\"GET\",\"path\":\"^/videos$\"}"));
        assertEquals(200, set.status(), set.body());
        long runId = api.post("api/projects/" + projectId + "/runs?mode=sync&concurrency=2", null, new byte[0]).json()
                .getJsonNumber("id").longValue();
        JsonObject failed = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(4));
        JsonArray rules = api.get("emulator/v1/control/faults").json().getJsonArray("rules");
        assertTrue(rules.getJsonObject(0).getInt("fired") >= 2 && rules.getJsonObject(1).getInt("fired") >= 1, "both faults fired: " + rules);
        api.delete("emulator/v1/control/faults");
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("failure").contains("could not say whether") && failed.getString("failure").contains("/restart"),
                "the reason says what happened and what to do: " + failed.getString("failure"));

        DailiesClient.Answer restarted = api.post("api/runs/" + runId + "/restart", null, new byte[0]);
        assertEquals(202, restarted.status(), restarted.body());
        JsonObject done = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(3));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(2, done.getJsonObject("takes").getInt("SCORED", 0), done.toString());
        JsonObject perPrompt = counters().getJsonObject("created_per_prompt");
        for (JsonValue v : api.get("api/projects/" + projectId + "/shots").array()) {
            assertEquals(1, perPrompt.getInt(sha256(v.asJsonObject().getString("prompt")), 0),
                    "made during the outage, adopted after the restart, never made twice: " + v);
        }
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
        JsonObject image = api.get("api/projects/" + projectId + "/references").array().getJsonObject(0);
        assertTrue(image.getString("providerFileId").startsWith("file-"), image.toString());
        String firstBytes = "-" + image.getString("sha256").substring(0, 12) + "-throne-room.png";
        assertEquals(1, uploadsOf(api, firstBytes), "two shots name the same image: it goes to the provider once");

        // The image is replaced, and the upload of the new one is made but its answer cut: the next round finds
        // it at the provider by name instead of sending it again. The old one is not sent again either.
        assertEquals(200, api.postMultipart("api/projects/" + projectId + "/references", "file", "throne-room.png", png(java.awt.Color.ORANGE)).status());
        DailiesClient.Answer cut = api.put("emulator/v1/control/faults",
                plan("{\"fault\":\"drop\",\"method\":\"POST\",\"path\":\"^/files$\",\"phase\":\"after\",\"count\":1}"));
        assertEquals(200, cut.status(), cut.body());
        long third = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]).json().getJsonNumber("id").longValue();
        assertEquals("COMPLETED", api.awaitStatus("api/runs/" + third, Set.of("COMPLETED", "FAILED"), Duration.ofMinutes(3)).getString("status"));
        assertEquals(1, api.get("emulator/v1/control/faults").json().getJsonArray("rules").getJsonObject(0).getInt("fired"),
                "the upload's answer was cut");
        for (JsonValue v : api.get("api/runs/" + third + "/takes").array()) {
            assertEquals("SCORED", v.asJsonObject().getString("status"), v.toString());
        }
        JsonObject replaced = api.get("api/projects/" + projectId + "/references").array().getJsonObject(0);
        String newBytes = "-" + replaced.getString("sha256").substring(0, 12) + "-throne-room.png";
        assertEquals(1, uploadsOf(api, newBytes), "the replaced image went to the provider once, its lost answer reconciled");
        assertEquals(1, uploadsOf(api, firstBytes), "the old image was not sent again");
    }

    /** Files at the provider whose name ends so (a reference image's uploads, by the hash of its bytes). */
    private static long uploadsOf(DailiesClient api, String suffix) {
        return api.get("emulator/v1/files?purpose=vision&limit=10000").json().getJsonArray("data").stream()
                .filter(f -> f.asJsonObject().getString("filename").endsWith(suffix)).count();
    }

    private static byte[] png() throws java.io.IOException {
        return png(java.awt.Color.BLACK);
    }

    private static byte[] png(java.awt.Color colour) throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 36, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 36);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    // --- helpers ---

    private record Rendered(DailiesClient api, long projectId, long runId, JsonObject run, Map<String, JsonObject> takes,
                            Map<String, String> prompts, java.util.List<Integer> fired) {

        JsonObject take(String shot) {
            return takes.get(shot);
        }

        int fired(int rule) {
            return fired.get(rule);
        }

        /** Before any outcome is trusted: every rule of the plan fired at least once during the run. */
        void assertEveryFaultFired() {
            for (int i = 0; i < fired.size(); i++) {
                assertTrue(fired.get(i) > 0, "fault rule " + i + " never fired, so this run proves nothing about it: " + fired);
            }
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
        java.util.List<Integer> fired = new java.util.ArrayList<>();
        for (JsonValue rule : api.get("emulator/v1/control/faults").json().getJsonArray("rules")) {
            fired.add(rule.asJsonObject().getInt("fired", 0));
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

    /** Content downloads the emulator answered 404 (gone), over all runs so far. */
    private long goneDownloads() {
        JsonObject requests = counters().getJsonObject("requests");
        return requests.keySet().stream().filter(k -> k.startsWith("GET /videos/{id}/content 404"))
                .mapToLong(k -> requests.getJsonNumber(k).longValue()).sum();
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
