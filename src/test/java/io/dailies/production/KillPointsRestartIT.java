package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.ServerProcess;
import io.dailies.it.Workbooks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server dies as kill -9 would at each step of a run (and of an import), with the emulator's
 * de-duplication of Idempotency-Key off, as a real gateway may be. The server is started with
 * {@code -Ddailies.test.crash-at=<step>} (io.dailies.platform.CrashPoints halts the JVM exactly there), the
 * test waits for it to die, starts it again as usual, and then the emulator's own counters must show one
 * paid generation (or one batch) per take, and every take stored and scored: none paid twice, none lost.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KillPointsRestartIT {

    private static final String CONTAINER = "wildfly-manual";
    private static final String DEPLOYMENT = "dailies";

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    private final DailiesClient api = new DailiesClient(url("http://127.0.0.1:8080/"));

    @AfterEach
    void stopServer() {
        if (ServerProcess.find().isPresent()) {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

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
        startWith("import.load#2"); // the load step writes 200 rows a chunk: the second chunk dies
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int rows = 450;
        DailiesClient.Answer started = api.postMultipart("api/shotlists", "file", "killed-import.xlsx", Workbooks.shots(tag, rows),
                "project", "Killed import " + tag);
        assertEquals(202, started.status(), started.body());
        long importId = started.json().getJsonNumber("id").longValue();
        ServerProcess.awaitDeath(Duration.ofSeconds(120), "the import never reached its second load chunk");
        restartPlain();

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
        startWith(step); // nothing before the run reaches a run's steps: the import below is safe
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
        restartPlain();

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

    private void startWith(String step) {
        controller.start(CONTAINER, Map.of("javaVmArguments", ServerProcess.vmArguments("-Ddailies.test.crash-at=" + step)));
        deployer.deploy(DEPLOYMENT);
    }

    private void restartPlain() {
        try {
            controller.stop(CONTAINER);
        } catch (RuntimeException alreadyDead) {
            // the managed container notices its process is gone
        }
        controller.start(CONTAINER, Map.of("javaVmArguments", ServerProcess.vmArguments()));
        ServerProcess.awaitApplication(api);
    }

    private static URL url(String s) {
        try {
            return new URL(s);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
