package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.ManualServerTest;
import io.dailies.it.Workbooks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A producer's data outlives the build: with the data directory outside the server (as README's first
 * command has it, ~/.dailies by default), the whole server folder can be deleted, as `mvn clean` deletes
 * target/, and a new one made, and every project, take and job record is still there.
 */
class DataDirectoryRestartIT extends ManualServerTest {

    private final Path base = Path.of(System.getProperty("it.server.base"));
    private Path data;

    @AfterEach
    void deleteData() {
        stopServer(); // before its data go
        delete(data);
    }

    @Test
    void projectsTakesAndJobRecordsSurviveANewServerFolder() throws Exception {
        // Outside the build output, like ~/.dailies; created by the server on first start.
        data = Path.of(System.getProperty("java.io.tmpdir"), "dailies-data-" + UUID.randomUUID());
        assertFalse(Files.exists(data));
        start();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject imported = api.importShotlist("durable-" + tag + ".xlsx", Workbooks.shots(tag, 2), "Durable " + tag);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        long importExecution = imported.getJsonNumber("jobExecutionId").longValue();
        long runId = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]).json().getJsonNumber("id").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(3));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertTrue(Files.isDirectory(data.resolve("db")) && Files.isDirectory(data.resolve("files")), "created on first start: " + data);

        deployer.undeploy(DEPLOYMENT);
        controller.stop(CONTAINER);
        // What `mvn clean` does to the server: the whole folder goes; the build makes a new one.
        delete(base);
        assertFalse(Files.exists(base));
        newServerFolder();
        start();

        JsonObject project = api.get("api/projects/" + projectId).json();
        assertEquals("Durable " + tag, project.getString("name"), project.toString());
        assertEquals(2, api.get("api/projects/" + projectId + "/shots").array().size());
        JsonObject again = api.get("api/runs/" + runId).json();
        assertEquals("COMPLETED", again.getString("status"));
        assertEquals(2, again.getJsonObject("takes").getInt("SCORED"), again.toString());
        for (JsonValue v : api.get("api/runs/" + runId + "/takes").array()) {
            assertFalse(v.asJsonObject().isNull("storedAt"), v.toString());
        }
        DailiesClient.Answer report = api.get("api/runs/" + runId + "/report");
        assertEquals(200, report.status(), "the report is written again from the kept takes and scores: " + report.body());
        boolean listed = api.get("api/jobs?limit=1000").array().stream()
                .anyMatch(j -> j.asJsonObject().getJsonNumber("executionId").longValue() == importExecution);
        assertTrue(listed, "the job repository kept the import's execution");
    }

    private void start() {
        // The last -Ddailies.data.dir wins: this test's own folder, outside the server's.
        bootAndDeploy("-Ddailies.data.dir=" + data);
    }

    /** As wildfly-config/fresh-base-dir.sh makes it: the configured server's configuration and the emulator. */
    private void newServerFolder() throws IOException {
        Path home = Path.of(System.getProperty("jboss.home"));
        for (String dir : new String[] {"deployments", "data", "log", "tmp"}) {
            Files.createDirectories(base.resolve(dir));
        }
        Path configuration = home.resolve("standalone/configuration");
        try (Stream<Path> files = Files.walk(configuration)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = base.resolve("configuration").resolve(configuration.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.copy(Path.of(System.getProperty("dailies.emulator.war")), base.resolve("deployments/emulator.war"));
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
