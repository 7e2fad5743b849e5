package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dailies.it.DailiesClient;
import io.dailies.it.ManualServerTest;
import io.dailies.it.ServerProcess;
import io.dailies.it.Workbooks;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stops, kills and restarts the real server: the H2 file database and the JDBC job repository
 * survive a restart, and a run killed with SIGKILL mid-render resumes on the next boot without
 * creating any take twice (the emulator's own counters prove it).
 */
class ServerRestartIT extends ManualServerTest {

    @BeforeEach
    void startServer() {
        bootAndDeploy();
    }

    @Test
    void importedDataAndJobHistorySurviveARestart() {
        String project = "Restart " + UUID.randomUUID();
        JsonObject imported = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), project);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long importId = imported.getJsonNumber("id").longValue();
        long execution = imported.getJsonNumber("jobExecutionId").longValue();
        int shots = imported.getInt("created");

        controller.stop(CONTAINER);
        boot();
        ServerProcess.awaitApplication(api);

        JsonObject after = api.get("api/shotlists/" + importId).json();
        assertEquals("COMPLETED", after.getString("status"));
        assertEquals(shots, after.getInt("created"));
        assertEquals(shots, api.get("api/projects/" + after.getJsonNumber("projectId").longValue() + "/shots").array().size());
        JsonObject listed = findExecution(api.get("api/jobs").array(), execution);
        assertEquals("shotlist-import", listed.getString("job"));
        assertEquals("COMPLETED", listed.getString("batchStatus"));
    }

    @Test
    void runKilledMidRenderResumesAfterRestartAndCreatesEveryTakeExactlyOnce() throws Exception {
        JsonObject imported = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), "Crash " + UUID.randomUUID());
        long projectId = imported.getJsonNumber("projectId").longValue();
        long createdBefore = api.get("emulator/v1/control/counters").json().getJsonNumber("videos_created").longValue();

        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs?concurrency=2", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        long firstExecution = started.json().getJsonNumber("jobExecutionId").longValue();

        // Kill as soon as some takes are with the provider and others are not sent yet.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonObject takes = api.get("api/runs/" + runId).json().getJsonObject("takes");
            int sent = takes.getInt("GENERATING", 0) + takes.getInt("STORED", 0) + takes.getInt("SCORED", 0);
            if (sent >= 2 && takes.getInt("PLANNED", 0) > 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("the run never reached the middle of its render: " + takes);
            }
            DailiesClient.pause(50);
        }
        restartAfterKill();

        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertTrue(run.getJsonNumber("jobExecutionId").longValue() != firstExecution, "the run was restarted: " + run);
        int shots = run.getInt("total");
        assertEquals(shots, run.getJsonObject("takes").getInt("SCORED"), run.toString());

        JsonObject counters = api.get("emulator/v1/control/counters").json();
        assertEquals(createdBefore + shots, counters.getJsonNumber("videos_created").longValue(),
                "one paid generation per take, none twice: " + counters);
        JsonArray rows = api.get("api/projects/" + projectId + "/shots").array();
        assertEquals(shots, rows.size());
        JsonObject perPrompt = counters.getJsonObject("created_per_prompt");
        for (JsonValue v : rows) {
            JsonObject s = v.asJsonObject();
            String prompt = s.getString("prompt");
            assertEquals(1, perPrompt.getInt(ServerProcess.sha256(prompt), 0), "shot " + s.getString("shot") + " created exactly once");
        }
        JsonObject dead = findExecution(api.get("api/jobs").array(), firstExecution);
        assertEquals("FAILED", dead.getString("batchStatus"), "the killed execution is marked failed, not left STARTED");
    }

    @Test
    void runKilledWhileItsCreateCallsAreUnansweredReconcilesThemAndPaysEachTakeOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject imported = api.importShotlist("killed-submitting.xlsx", Workbooks.shots(tag, 4), "Killed submitting " + tag);
        long projectId = imported.getJsonNumber("projectId").longValue();
        Set<String> prompts = ServerProcess.promptHashes(api, projectId);
        // Every create is processed by the provider but answered only 4 s later: the kill lands in between.
        DailiesClient.Answer faults = api.put("emulator/v1/control/faults", "{\"seed\":1,\"rules\":[{\"fault\":\"slow\","
                + "\"method\":\"POST\",\"path\":\"^/videos$\",\"phase\":\"after\",\"delay_ms\":4000}]}");
        assertEquals(200, faults.status(), faults.body());
        long runId = api.post("api/projects/" + projectId + "/runs?mode=sync&concurrency=2", null, new byte[0]).json()
                .getJsonNumber("id").longValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonObject takes = api.get("api/runs/" + runId).json().getJsonObject("takes");
            if (takes.getInt("SUBMITTING", 0) >= 1 && ServerProcess.createdOf(api, prompts) >= 1) {
                break; // a take whose generation exists at the provider but whose id the ledger does not have
            }
            if (System.nanoTime() > deadline) {
                fail("no create call was caught in flight: " + takes);
            }
            DailiesClient.pause(50);
        }
        restartAfterKill();

        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(4, run.getJsonObject("takes").getInt("SCORED", 0), run.toString());
        ServerProcess.assertEachCreatedOnce(api, prompts);
    }

    @Test
    void batchRunKilledWhileItsBatchIsInFlightPicksUpThatBatchAfterTheRestart() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject imported = api.importShotlist("killed-batch.xlsx", Workbooks.shots(tag, 6), "Killed batch " + tag);
        long projectId = imported.getJsonNumber("projectId").longValue();
        Set<String> prompts = ServerProcess.promptHashes(api, projectId);
        long batchesBefore = api.get("emulator/v1/control/counters").json().getJsonNumber("batches_created").longValue();
        long runId = api.post("api/projects/" + projectId + "/runs?mode=batch", null, new byte[0]).json()
                .getJsonNumber("id").longValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonArray batches = api.get("api/runs/" + runId).json().getJsonArray("batches");
            JsonObject render = batches.isEmpty() ? null : batches.getJsonObject(0);
            if (render != null && !render.isNull("batchId") && Set.of("validating", "in_progress").contains(render.getString("status", ""))) {
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("the run's batch was never seen in flight: " + batches);
            }
            DailiesClient.pause(50);
        }
        restartAfterKill();

        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(6, run.getJsonObject("takes").getInt("SCORED", 0), run.toString());
        assertEquals(batchesBefore + 1, api.get("emulator/v1/control/counters").json().getJsonNumber("batches_created").longValue(),
                "the restarted run polled its batch instead of creating another");
        ServerProcess.assertEachCreatedOnce(api, prompts);
    }

    private void restartAfterKill() {
        ServerProcess.kill();
        restartAfterDeath();
    }

    private static JsonObject findExecution(JsonArray executions, long id) {
        for (JsonValue v : executions) {
            if (v.asJsonObject().getJsonNumber("executionId").longValue() == id) {
                return v.asJsonObject();
            }
        }
        fail("job execution " + id + " is not listed: " + executions);
        return null;
    }
}
