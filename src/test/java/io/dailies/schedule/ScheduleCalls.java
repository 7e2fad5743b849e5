package io.dailies.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.dailies.it.DailiesClient;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/** What the schedule ITs share: a sample project, a schedule whose window opens seconds from now, and waiting for a firing. */
final class ScheduleCalls {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** A window opening at {@code opens} and closing {@code length} later, as the API gets it. */
    record Window(Instant opens, Instant closes, String json) {
    }

    private ScheduleCalls() {
    }

    static long sampleProject(DailiesClient api, String name) {
        JsonObject imported = api.importShotlist("sample-shot-list.xlsx", TestWorkbooks.sample(), name + " " + UUID.randomUUID());
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        return imported.getJsonNumber("projectId").longValue();
    }

    /**
     * A schedule body whose window opens {@code in} from now (on the second, in Paris time) for {@code length};
     * {@code more} is added to the JSON object (e.g. "\"mode\":\"sync\",\"shots\":\"all\"").
     */
    static Window window(Duration in, Duration length, String more) {
        Instant opens = Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plus(length);
        ZonedDateTime start = opens.atZone(ZONE);
        LocalTime end = closes.atZone(ZONE).toLocalTime();
        String json = String.format(Locale.ROOT, "{\"days\":[\"%s\"],\"start\":\"%s\",\"end\":\"%s\",\"zone\":\"%s\",\"budgetUsd\":100%s}",
                start.getDayOfWeek().name().substring(0, 3), start.toLocalTime(), end, ZONE.getId(), more.isEmpty() ? "" : "," + more);
        return new Window(opens, closes, json);
    }

    static long create(DailiesClient api, long projectId, Window w) {
        DailiesClient.Answer made = api.postJson("api/projects/" + projectId + "/schedules", w.json());
        assertEquals(201, made.status(), made.body());
        assertEquals(w.opens().toString(), made.json().getString("nextWindowOpens"), made.body());
        return made.json().getJsonNumber("id").longValue();
    }

    /** Polls the schedule's firings until the newest one satisfies {@code done}; fails after the timeout with what was seen. */
    static JsonObject awaitFiring(DailiesClient api, long projectId, long scheduleId, Predicate<JsonObject> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonArray last = null;
        while (System.nanoTime() < deadline) {
            DailiesClient.Answer a = api.get("api/projects/" + projectId + "/schedules/" + scheduleId + "/firings");
            if (a.status() == 200) {
                last = a.array();
                if (!last.isEmpty() && done.test(last.getJsonObject(0))) {
                    return last.getJsonObject(0);
                }
            }
            DailiesClient.pause(250);
        }
        fail("Timed out after " + timeout + " waiting for a firing of schedule " + scheduleId + "; last seen: " + last);
        return null;
    }

    /** Waits until the wall clock has passed {@code instant} (the test must wait for a window to pass, not guess a sleep). */
    static void awaitClockPast(Instant instant) {
        while (!Instant.now().isAfter(instant)) {
            DailiesClient.pause(100);
        }
    }
}
