package io.dailies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The test server's process as the restart tests see it: killed with SIGKILL, waited for until it died on
 * its own, and the application awaited after a restart; and the provider's counters that prove each take
 * was generated once.
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    /** The JVM arguments of the test server (dailies.pom.xml), plus the base dir of this execution. */
    public static String vmArguments(String... extra) {
        String base = System.getProperty("it.server.base");
        return System.getProperty("it.server.vm.args") + " -Djboss.server.base.dir=" + base + " -Ddailies.data.dir=" + base
                + "/data/dailies" + (extra.length == 0 ? "" : " " + String.join(" ", extra));
    }

    public static Optional<ProcessHandle> find() {
        String base = System.getProperty("it.server.base");
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains(base)).orElse(false))
                .toList();
        assertTrue(servers.size() <= 1, "at most one test server runs on " + base + ": " + servers);
        return servers.stream().findFirst();
    }

    /** SIGKILL to the server JVM: no shutdown hooks, no chance to checkpoint. */
    public static void kill() {
        ProcessHandle server = find().orElseThrow(() -> new AssertionError("no test server to kill"));
        assertTrue(server.destroyForcibly());
        server.onExit().join();
    }

    /** Waits until the server died by itself (a crash point halted it); fails if it is still alive at the timeout. */
    public static void awaitDeath(Duration timeout, String why) {
        Optional<ProcessHandle> server = find();
        if (server.isEmpty()) {
            return;
        }
        try {
            server.get().onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("the server did not die within " + timeout + ": " + why);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void awaitApplication(DailiesClient api) {
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

    /** The server's log (all boots of this base dir). */
    public static String log() {
        try {
            return Files.readString(Path.of(System.getProperty("it.server.base"), "log", "server.log"), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The SHA-256 of each of the project's shot prompts: the emulator counts generations per prompt hash. */
    public static Set<String> promptHashes(DailiesClient api, long projectId) {
        Set<String> hashes = new HashSet<>();
        for (JsonValue v : api.get("api/projects/" + projectId + "/shots?limit=1000").array()) {
            hashes.add(sha256(v.asJsonObject().getString("prompt")));
        }
        return hashes;
    }

    public static int createdOf(DailiesClient api, Set<String> promptHashes) {
        JsonObject perPrompt = api.get("emulator/v1/control/counters").json().getJsonObject("created_per_prompt");
        return promptHashes.stream().mapToInt(h -> perPrompt.getInt(h, 0)).sum();
    }

    public static void assertEachCreatedOnce(DailiesClient api, Set<String> promptHashes) {
        JsonObject perPrompt = api.get("emulator/v1/control/counters").json().getJsonObject("created_per_prompt");
        for (String h : promptHashes) {
            assertEquals(1, perPrompt.getInt(h, 0), "every take generated exactly once: " + perPrompt);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
