package io.dailies.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dailies.it.DailiesClient;
import io.dailies.it.ManualServerTest;
import io.dailies.it.ServerProcess;
import io.dailies.it.Workbooks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A run of a few hundred takes survives several kill -9s at moments drawn from a seed (printed, so a
 * failure can be replayed), each followed by an ordinary start of the server: no recovery step, only
 * what the server does at boot. At the end every take was created once at the provider and stored once.
 */
class ChaosRestartIT extends ManualServerTest {

    private static final int TAKES = 200;
    private static final int KILLS = 3;
    /** The server's usual arguments; stock media keep the emulator's encoder off the two cores. */
    private static final String STOCK_MEDIA = "-Ddailies.emulator.stock-media=true";

    @Test
    void aRunOfHundredsOfTakesSurvivesRandomKillsAndCreatesAndStoresEachTakeOnce() {
        long seed = Long.getLong("dailies.chaos.seed", System.nanoTime());
        System.out.println("ChaosRestartIT seed " + seed + " (replay with -Ddailies.chaos.seed=" + seed + ")");
        Random random = new Random(seed);
        bootAndDeploy(STOCK_MEDIA);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject imported = api.importShotlist("chaos-" + tag + ".xlsx", Workbooks.shots(tag, TAKES), "Chaos " + tag);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        Set<String> prompts = ServerProcess.promptHashes(api, projectId);
        assertEquals(TAKES, prompts.size());
        long createdBefore = api.get("emulator/v1/control/counters").json().getJsonNumber("videos_created").longValue();

        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs?mode=sync&concurrency=8", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        int kills = 0;
        for (int k = 0; k < KILLS; k++) {
            // Somewhere in the run: submitting, generating, downloading or scoring, whatever is going on then.
            DailiesClient.pause(2_000 + random.nextInt(10_000));
            String status = api.get("api/runs/" + runId).json().getString("status");
            if (!"RUNNING".equals(status) && !"QUEUED".equals(status)) {
                break;
            }
            ServerProcess.kill();
            kills++;
            restartAfterDeath(STOCK_MEDIA);
        }
        assertEquals(KILLS, kills, "every kill landed while the run was going (seed " + seed + ")");

        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(10));
        assertEquals("COMPLETED", run.getString("status"), "seed " + seed + ": " + run);
        assertEquals(TAKES, run.getJsonObject("takes").getInt("SCORED", 0), "no take lost (seed " + seed + "): " + run);
        ServerProcess.assertEachCreatedOnce(api, prompts);
        assertEquals(createdBefore + TAKES, api.get("emulator/v1/control/counters").json().getJsonNumber("videos_created").longValue(),
                "one paid generation per take (seed " + seed + ")");
        Set<String> videos = new HashSet<>();
        int stored = 0;
        for (JsonValue v : api.get("api/runs/" + runId + "/takes?limit=1000").array()) {
            JsonObject take = v.asJsonObject();
            assertFalse(take.isNull("storedAt"), take.toString());
            videos.add(take.getString("videoId"));
            stored++;
        }
        assertEquals(TAKES, stored, "one stored take per shot");
        assertEquals(TAKES, videos.size(), "no video adopted by two takes");
    }


}
