package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.ManualServerTest;
import io.dailies.it.ServerProcess;
import io.dailies.it.Workbooks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The server dies as kill -9 would at each step of a run (and of an import), with the emulator's
 * de-duplication of Idempotency-Key off, as a real gateway may be. The server is started with
 * {@code -Ddailies.test.crash-at=<step>} (io.dailies.platform.CrashPoints halts the JVM exactly there), the
 * test waits for it to die, starts it again as usual, and then the emulator's own counters must show one
 * paid generation (or one batch) per take, and every take stored and scored: none paid twice, none lost.
 */
class KillPointsRestartIT extends ManualServerTest {


    // --- a sync run: one create call per take ---

    @Test
    void killedAfterTheIntentCommitBeforeTheCreate() {
        runKilledAt("render.after-intent#2", "sync", 4);
    }

    @Test
    void killedAfterTheCreateBeforeItsIdIsCommitted() {
        runKilledAt("render.after-create#2", "sync", 4);
    }

    @Test
    void killedWhileAwaitingTheProvider() {
        runKilledAt("render.awaiting#3", "sync", 4);
    }

    @Test
    void killedWhileDownloadingATake() {
        runKilledAt("render.downloading#2", "sync", 4);
    }

    @Test
    void killedWhileScoring() {
        runKilledAt("score.take#2", "sync", 4);
    }

    @Test
    void killedWhileWritingTheReport() {
        runKilledAt("report.write", "sync", 3);
    }

    // --- a Batch API run: one input file, one batch ---

    @Test
    void batchKilledAfterTheInputUploadBeforeTheBatchCreate() {
        runKilledAt("batch.after-upload", "batch", 4);
    }

    @Test
    void batchKilledBetweenTheCreateAndTheBatchIdCommit() {
        runKilledAt("batch.after-create", "batch", 4);
    }

    @Test
    void batchKilledWhileCollecting() {
        runKilledAt("batch.collecting#2", "batch", 4);
    }

    // --- an import ---

    @Test
    void importKilledDuringItsLoadStepResumesWithNoDuplicateAndNoLostRow() {
        bootAndDeploy(crashAt("import.load#2")); // the load step writes 200 rows a chunk: the second chunk dies
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int rows = 450;
        DailiesClient.Answer started = api.postMultipart("api/shotlists", "file", "killed-import.xlsx", Workbooks.shots(tag, rows),
                "project", "Killed import " + tag);
        assertEquals(202, started.status(), started.body());
        long importId = started.json().getJsonNumber("id").longValue();
        ServerProcess.awaitDeath(Duration.ofSeconds(120), "the import never reached its second load chunk");
        restartAfterDeath();

        JsonObject done = api.awaitStatus("api/shotlists/" + importId, Set.of("COMPLETED", "REJECTED", "FAILED"), Duration.ofMinutes(3));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        long projectId = done.getJsonNumber("projectId").longValue();
        Set<String> codes = new HashSet<>();
        int listed = 0;
        for (JsonValue v : api.get("api/projects/" + projectId + "/shots?limit=1000").array()) {
            codes.add(v.asJsonObject().getString("shot"));
            listed++;
        }
        assertEquals(rows, listed, "no duplicate shot, no lost row");
        assertEquals(rows, codes.size());
        assertCrashedAt("import.load");
    }

    /**
     * Imports {@code shots} shots on a server that dies at {@code step}, starts the run, waits for the death,
     * restarts the server as usual and checks the run completed with each take generated once.
     */
    private void runKilledAt(String step, String mode, int shots) {
        bootAndDeploy(crashAt(step)); // nothing before the run reaches a run's steps: the import below is safe
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject imported = api.importShotlist("killed-" + tag + ".xlsx", Workbooks.shots(tag, shots), "Killed " + step + " " + tag);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        Set<String> prompts = ServerProcess.promptHashes(api, projectId);
        JsonObject before = api.get("emulator/v1/control/counters").json();

        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs?mode=" + mode + "&concurrency=2", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        ServerProcess.awaitDeath(Duration.ofSeconds(120), "the run never reached " + step);
        restartAfterDeath();

        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(4));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(shots, run.getJsonObject("takes").getInt("SCORED", 0), "no take lost: " + run);
        assertCrashedAt(step.split("#")[0]);

        ServerProcess.assertEachCreatedOnce(api, prompts);
        JsonObject after = api.get("emulator/v1/control/counters").json();
        assertEquals(before.getJsonNumber("videos_created").longValue() + shots, after.getJsonNumber("videos_created").longValue(),
                "one paid generation per take: " + after);
        if (mode.equals("batch")) {
            assertEquals(before.getJsonNumber("batches_created").longValue() + 1, after.getJsonNumber("batches_created").longValue(),
                    "one batch for the run, never a second: " + after);
        }
        for (JsonValue v : api.get("api/runs/" + runId + "/takes").array()) {
            JsonObject take = v.asJsonObject();
            assertFalse(take.isNull("storedAt"), "every take stored: " + take);
            assertFalse(take.isNull("videoId"), take.toString());
        }
        DailiesClient.Answer report = api.get("api/runs/" + runId + "/report");
        assertEquals(200, report.status(), "the report is there after the restart: " + report.body());
    }

    /** The fault fired: the server logged its halt at exactly that step, before the outcome is trusted. */
    private static void assertCrashedAt(String step) {
        assertTrue(ServerProcess.log().contains("Crash test: halting the server at " + step + " "),
                "the server was meant to die at " + step);
    }

    private static String crashAt(String step) {
        return "-Ddailies.test.crash-at=" + step;
    }

}
