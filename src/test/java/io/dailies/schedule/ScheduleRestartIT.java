package io.dailies.schedule;

import static io.dailies.schedule.ScheduleCalls.awaitFiring;
import static io.dailies.schedule.ScheduleCalls.create;
import static io.dailies.schedule.ScheduleCalls.sampleProject;
import static io.dailies.schedule.ScheduleCalls.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.dailies.it.DailiesClient;
import io.dailies.it.ManualServerTest;
import io.dailies.it.ServerProcess;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Schedules across a server's restarts, on the manual container: a schedule made before a restart fires after it
 * (its persistent timer, or the schedule in the database, outlives the server), and its morning e-mail reaches a
 * local SMTP server (GreenMail, in this JVM); a window that opened while the server was down is caught up if it is
 * still open when the server is back, and recorded as missed if it has closed.
 */
class ScheduleRestartIT extends ManualServerTest {

    @Test
    void aScheduleSurvivesARestartStillFiresAndItsMorningDailiesAreEmailed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("dailies@localhost", "dailies", "secret");
        smtp.start();
        try {
            String[] mail = {"-Ddailies.mail.host=127.0.0.1", "-Ddailies.mail.port=" + port, "-Ddailies.mail.from=dailies@localhost",
                    "-Ddailies.mail.username=dailies", "-Ddailies.mail.password=secret"};
            bootAndDeploy(mail);
            long project = sampleProject(api, "Restart");
            // Far enough ahead for a clean stop and a start on a busy machine.
            ScheduleCalls.Window w = window(Duration.ofSeconds(75), Duration.ofMinutes(10),
                    "\"mode\":\"sync\",\"shots\":\"all\",\"recipients\":[\"ana@example.com\",\"ben@example.com\"]");
            long schedule = create(api, project, w);
            controller.stop(CONTAINER);
            boot(mail);
            ServerProcess.awaitApplication(api);
            assertTrue(Instant.now().isBefore(w.opens()), "the server was back before the window opened (else this proves the catch-up)");
            assertEquals(0, api.get("api/projects/" + project + "/schedules/" + schedule + "/firings").total(), "not fired yet");

            JsonObject fired = awaitFiring(api, project, schedule, f -> true, Duration.ofSeconds(150));
            assertEquals("STARTED", fired.getString("outcome"), fired.toString());
            assertFalse(fired.getBoolean("catchUp"), "it fired on time after the restart: " + fired);
            long runId = fired.getJsonNumber("runId").longValue();
            assertEquals("COMPLETED", api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5))
                    .getString("status"));

            JsonObject night = awaitFiring(api, project, schedule, f -> !f.isNull("mail"), Duration.ofSeconds(60));
            assertEquals("E-mailed to ana@example.com, ben@example.com.", night.getString("mail"), night.toString());
            assertTrue(smtp.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 2),
                    "the morning e-mail reached both recipients; GreenMail has " + smtp.getReceivedMessages().length);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(2, received.length);
            MimeMessage m = received[0];
            assertTrue(m.getSubject().startsWith("Dailies: Restart "), m.getSubject());
            assertTrue(m.getSubject().contains("accepted"), m.getSubject());
            String body = GreenMailUtil.getBody(m);
            assertTrue(body.contains("/api/projects/" + project + "/dailies/latest"), body);
            assertTrue(body.contains("Takes made: "), body);
            assertEquals(200, api.get("api/projects/" + project + "/dailies/latest").status());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aWindowMissedWhileDownIsCaughtUpIfStillOpenAndRecordedMissedIfClosed() {
        bootAndDeploy();
        long project = sampleProject(api, "Catch-up");
        ScheduleCalls.Window open = window(Duration.ofSeconds(15), Duration.ofMinutes(10), "\"mode\":\"sync\",\"shots\":\"all\"");
        ScheduleCalls.Window shut = window(Duration.ofSeconds(15), Duration.ofSeconds(4), "\"shots\":\"all\"");
        long stillOpen = create(api, project, open);
        long closed = create(api, project, shut);
        controller.stop(CONTAINER);
        assertTrue(Instant.now().isBefore(open.opens()), "the server was down before the windows opened");
        ScheduleCalls.awaitClockPast(shut.closes()); // the second window opens and closes while the server is down
        boot();
        ServerProcess.awaitApplication(api);

        JsonObject caught = awaitFiring(api, project, stillOpen, f -> true, Duration.ofSeconds(60));
        assertEquals("STARTED", caught.getString("outcome"), caught.toString());
        assertTrue(caught.getBoolean("catchUp"), caught.toString());
        assertTrue(caught.getString("reason").startsWith("Caught up at start-up: the server was down when the window opened"), caught.toString());
        JsonObject missed = awaitFiring(api, project, closed, f -> true, Duration.ofSeconds(60));
        assertEquals("MISSED", missed.getString("outcome"), missed.toString());
        assertTrue(missed.getString("reason").startsWith("Missed: the server was not running when the window opened"), missed.toString());
        assertTrue(missed.isNull("runId"));
        long runId = caught.getJsonNumber("runId").longValue();
        assertEquals("COMPLETED", api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(5))
                .getString("status"));
        DailiesClient.Answer firings = api.get("api/projects/" + project + "/schedules/" + stillOpen + "/firings");
        assertEquals(1, firings.total(), "one firing for the window, though both the restored timer and the start-up look saw it");
    }
}
