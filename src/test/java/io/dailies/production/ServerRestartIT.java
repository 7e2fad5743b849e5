package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stops, kills and restarts the real server: the H2 file database and the JDBC job repository
 * survive a restart, and a run killed with SIGKILL mid-render resumes on the next boot without
 * creating any take twice (the emulator's own counters prove it).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerRestartIT {

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

    @BeforeEach
    void startServer() {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
    }

    @AfterEach
    void stopServer() {
        if (controller.isStarted(CONTAINER)) {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
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
        controller.start(CONTAINER);
        awaitApplication();

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
        killServer();
        try {
            controller.stop(CONTAINER);
        } catch (RuntimeException alreadyDead) {
            // the managed container notices its process is gone
        }
        controller.start(CONTAINER);
        awaitApplication();

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
            assertEquals(1, perPrompt.getInt(sha256(prompt), 0), "shot " + s.getString("shot") + " created exactly once");
        }
        JsonObject dead = findExecution(api.get("api/jobs").array(), firstExecution);
        assertEquals("FAILED", dead.getString("batchStatus"), "the killed execution is marked failed, not left STARTED");
    }

    /** SIGKILL to the server JVM: no shutdown hooks, no chance to checkpoint. */
    private static void killServer() throws InterruptedException {
        String base = System.getProperty("it.server.base");
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains(base)).orElse(false))
                .toList();
        assertEquals(1, servers.size(), "exactly one test server runs on " + base);
        ProcessHandle server = servers.get(0);
        assertTrue(server.destroyForcibly());
        server.onExit().join();
    }

    private void awaitApplication() {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (api.get("api/jobs").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while the server boots
            }
            DailiesClient.pause(250);
        }
        fail("the application did not come back after the restart");
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

    private static URL url(String s) {
        try {
            return new URL(s);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
