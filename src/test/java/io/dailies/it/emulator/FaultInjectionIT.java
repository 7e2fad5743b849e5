package io.dailies.it.emulator;

import io.dailies.it.DailiesClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dailies.it.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every fault the emulator can inject, seen from a plain HTTP client on the raw emulator API: what a
 * provider client has to survive. HTTP/1.1 like the product's client, unless a test says otherwise.
 * Batch faults (batch_line, batch_expired) are decided by Faults and covered by FaultsTest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultInjectionIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void startWithoutFaults() throws Exception {
        noFaults();
    }

    @AfterEach
    void resetThePlan() throws Exception {
        noFaults();
    }

    private void noFaults() throws Exception {
        HttpResponse<String> r = send(request("emulator/v1/control/faults").DELETE());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(0, json(r.body()).getJsonArray("rules").size());
    }

    @Test
    void rateLimitAnswers429InTheEnvelopeWithRetryAfterAndIsCounted() throws Exception {
        plan("{\"rules\": [{\"fault\": \"rate_limit\", \"method\": \"POST\", \"path\": \"^/videos$\", \"count\": 1, \"retry_after\": 2}]}");
        resetCounters();
        long createdBefore = counters().getJsonNumber("videos_created").longValue();

        HttpResponse<String> limited = create("sora-2", "A red kite over the dunes " + UUID.randomUUID());
        assertEquals(429, limited.statusCode(), limited.body());
        assertEquals("2", limited.headers().firstValue("Retry-After").orElse(null));
        JsonObject error = json(limited.body()).getJsonObject("error");
        assertEquals("requests", error.getString("type"));
        assertEquals("rate_limit_exceeded", error.getString("code"));
        assertTrue(error.isNull("param"));
        assertFalse(error.getString("message").isBlank());

        HttpResponse<String> accepted = create("sora-2", "A red kite over the dunes " + UUID.randomUUID());
        assertEquals(200, accepted.statusCode(), "count 1: the retry goes through; " + accepted.body());

        JsonObject counters = counters();
        assertEquals(createdBefore + 1, counters.getJsonNumber("videos_created").longValue(), "the refused create made nothing");
        assertEquals(1, counters.getJsonObject("requests").getInt("POST /videos 429"));
        assertEquals(1, counters.getJsonObject("requests").getInt("POST /videos 200"));
        assertEquals(1, counters.getInt("faults_fired"));
        assertEquals(1, faultPlan().getJsonArray("rules").getJsonObject(0).getInt("fired"));
    }

    @Test
    void serverErrorAnswers500() throws Exception {
        plan("{\"rules\": [{\"fault\": \"server_error\", \"method\": \"GET\", \"path\": \"^/videos$\", \"count\": 1}]}");
        HttpResponse<String> failed = send(request("emulator/v1/videos").GET());
        assertEquals(500, failed.statusCode());
        assertEquals("server_error", json(failed.body()).getJsonObject("error").getString("type"));
        assertEquals(200, send(request("emulator/v1/videos").GET()).statusCode());
    }

    @Test
    void unavailableAnswers503WithRetryAfter() throws Exception {
        plan("{\"rules\": [{\"fault\": \"unavailable\", \"path\": \"^/videos\", \"retry_after\": 5}]}");
        HttpResponse<String> r = send(request("emulator/v1/videos?limit=1").GET());
        assertEquals(503, r.statusCode());
        assertEquals("5", r.headers().firstValue("Retry-After").orElse(null));
        assertEquals("server_error", json(r.body()).getJsonObject("error").getString("type"));
    }

    @Test
    void slowHoldsTheAnswerPastTheClientsReadTimeoutThenAnswersNormally() throws Exception {
        plan("{\"rules\": [{\"fault\": \"slow\", \"method\": \"GET\", \"path\": \"^/videos$\", \"delay_ms\": 1500, \"count\": 2}]}");
        assertThrows(HttpTimeoutException.class,
                () -> http.send(request("emulator/v1/videos").timeout(Duration.ofMillis(500)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        long start = System.nanoTime();
        HttpResponse<String> late = send(request("emulator/v1/videos").GET());
        assertEquals(200, late.statusCode());
        assertTrue(System.nanoTime() - start >= 1_500_000_000L, "held back by delay_ms");
        assertEquals("list", json(late.body()).getString("object"));
    }

    @Test
    void dropCutsTheConnectionMidAnswerSoTheClientGetsAnIOExceptionNotA200() throws Exception {
        plan("{\"rules\": [{\"fault\": \"drop\", \"method\": \"GET\", \"path\": \"^/videos$\", \"count\": 2}]}");
        resetCounters();
        IOException cut = assertThrows(IOException.class,
                () -> http.send(request("emulator/v1/videos").GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertFalse(cut instanceof HttpTimeoutException, "a cut, not a timeout: " + cut);
        // The JDK's default client asks for HTTP/2 (h2c). The Servlet API cannot reset an HTTP/2 stream, so there
        // the answer ends short of what it promised: no client can read it as a whole list.
        HttpClient h2 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> shortAnswer = h2.send(request("emulator/v1/videos").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThrows(jakarta.json.JsonException.class, () -> json(shortAnswer.body()), "a short answer, not a list: " + shortAnswer.body());
        } catch (IOException reset) {
            assertFalse(reset instanceof HttpTimeoutException, "a cut, not a timeout: " + reset);
        }
        assertEquals(200, send(request("emulator/v1/videos").GET()).statusCode(), "count 2 used up");
        assertEquals(2, counters().getJsonObject("requests").getInt("GET /videos dropped"));
    }

    @Test
    void phaseAfterCreatesTheVideoAlthoughTheCreateAnswered500() throws Exception {
        plan("{\"rules\": [{\"fault\": \"server_error\", \"phase\": \"after\", \"method\": \"POST\", \"path\": \"^/videos$\", \"count\": 1}]}");
        String prompt = "A lighthouse in fog, ledger check " + UUID.randomUUID();
        HttpResponse<String> failed = create("sora-2", prompt);
        assertEquals(500, failed.statusCode());
        assertFalse(json(failed.body()).containsKey("id"), "nothing of the created video reaches the client");
        assertTrue(listed(prompt), "the video exists in GET /videos although the create answered 500");
        assertEquals(1, counters().getJsonObject("created_per_prompt").getInt(sha256(prompt)));
    }

    @Test
    void phaseAfterDropCreatesTheVideoAndCutsTheAnswer() throws Exception {
        plan("{\"rules\": [{\"fault\": \"drop\", \"phase\": \"after\", \"method\": \"POST\", \"path\": \"^/videos$\", \"count\": 1}]}");
        String prompt = "A paper lantern drifts upward, dropped answer " + UUID.randomUUID();
        IOException cut = assertThrows(IOException.class, () -> http.send(createRequest("sora-2", prompt), HttpResponse.BodyHandlers.ofString()));
        assertFalse(cut instanceof HttpTimeoutException, cut.toString());
        assertTrue(listed(prompt));
    }

    @Test
    void modelRateLimitRefusesCreatesBeyondRpmForThatModelOnly() throws Exception {
        plan("{\"rules\": [{\"fault\": \"model_rate_limit\", \"model\": \"sora-2-pro\", \"rpm\": 2}]}");
        assertEquals(200, create("sora-2-pro", "Rate window one " + UUID.randomUUID()).statusCode());
        assertEquals(200, create("sora-2-pro", "Rate window two " + UUID.randomUUID()).statusCode());
        String refusedPrompt = "Rate window three " + UUID.randomUUID();
        HttpResponse<String> refused = create("sora-2-pro", refusedPrompt);
        assertEquals(429, refused.statusCode(), refused.body());
        int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "until the oldest create leaves the minute: " + retryAfter);
        assertEquals("rate_limit_exceeded", json(refused.body()).getJsonObject("error").getString("code"));
        assertFalse(listed(refusedPrompt), "a refused create makes no video");
        assertEquals(200, create("sora-2", "Another model " + UUID.randomUUID()).statusCode(), "sora-2 has its own limit");
    }

    @Test
    void contentPolicyAcceptsTheGenerationThenFailsItWithModerationBlocked() throws Exception {
        plan("{\"rules\": [{\"fault\": \"content_policy\", \"prompt\": \"forbidden orchard\"}]}");
        HttpResponse<String> accepted = create("sora-2", "A walk through the forbidden orchard " + UUID.randomUUID());
        assertEquals(200, accepted.statusCode(), "accepted first, like the real provider: " + accepted.body());
        JsonObject video = json(accepted.body());
        assertTrue(Set.of("queued", "in_progress").contains(video.getString("status")), video.toString());
        JsonObject done = awaitFinished(video.getString("id"));
        assertEquals("failed", done.getString("status"), done.toString());
        assertEquals("moderation_blocked", done.getJsonObject("error").getString("code"));
        assertFalse(done.getJsonObject("error").getString("message").isBlank());

        JsonObject other = awaitFinished(json(create("sora-2", "A walk through the apple orchard " + UUID.randomUUID()).body()).getString("id"));
        assertEquals("completed", other.getString("status"), "a prompt the rule does not match renders: " + other);
    }

    @Test
    void contentExpiresAfterTheInjectedLifetime() throws Exception {
        plan("{\"rules\": [{\"fault\": \"content_expired\", \"lifetime_s\": 1}]}");
        JsonObject done = awaitFinished(json(create("sora-2", "A short-lived take " + UUID.randomUUID()).body()).getString("id"));
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(done.getJsonNumber("completed_at").longValue() + 1, done.getJsonNumber("expires_at").longValue());
        long waitMs = (done.getJsonNumber("expires_at").longValue() + 1) * 1000 - System.currentTimeMillis();
        if (waitMs > 0) {
            Thread.sleep(waitMs + 200);
        }
        String content = "emulator/v1/videos/" + done.getString("id") + "/content";
        HttpResponse<byte[]> expired = http.send(request(content).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, expired.statusCode());
        assertTrue(json(new String(expired.body(), StandardCharsets.UTF_8)).containsKey("error"));

        noFaults(); // back to an hour: the same content downloads, so it was the fault
        HttpResponse<byte[]> again = http.send(request(content).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, again.statusCode());
    }

    @Test
    void aSeededProbabilityReplaysTheSamePatternWhenThePlanIsSetAgain() throws Exception {
        String plan = "{\"seed\": 2024, \"rules\": [{\"fault\": \"server_error\", \"method\": \"GET\", \"path\": \"^/videos$\", \"probability\": 0.5}]}";
        plan(plan);
        String first = statusPattern(24);
        plan(plan);
        String second = statusPattern(24);
        assertEquals(first, second);
        assertTrue(first.contains("X") && first.contains("."), first);
        // The documented rule: java.util.Random(seed + rule index), a fault when nextDouble() < probability.
        Random random = new Random(2024);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            expected.append(random.nextDouble() < 0.5 ? 'X' : '.');
        }
        assertEquals(expected.toString(), first);
    }

    @Test
    void badPlansAre400NamingTheRuleAndFieldAndControlIsNeverFaulted() throws Exception {
        HttpResponse<String> bad = send(request("emulator/v1/control/faults").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rules\": [{\"fault\": \"server_error\"}, {\"fault\": \"slow\"}]}")));
        assertEquals(400, bad.statusCode());
        JsonObject error = json(bad.body()).getJsonObject("error");
        assertEquals("rules[1].delay_ms", error.getString("param"));
        assertEquals("invalid_request_error", error.getString("type"));
        assertEquals(0, faultPlan().getJsonArray("rules").size(), "a refused plan changes nothing");

        plan("{\"rules\": [{\"fault\": \"server_error\"}, {\"fault\": \"slow\", \"delay_ms\": 5000}]}");
        assertEquals(500, send(request("emulator/v1/videos").GET()).statusCode());
        long start = System.nanoTime();
        assertEquals(200, send(request("emulator/v1/control/counters").GET()).statusCode());
        assertEquals(200, send(request("emulator/v1/control/faults").GET()).statusCode());
        assertTrue(System.nanoTime() - start < 4_000_000_000L, "control requests are not slowed either");
    }

    @Test
    void resettingCountersClearsRequestCountsButNeverTheCreatedCounts() throws Exception {
        assertEquals(200, create("sora-2", "Counted once " + UUID.randomUUID()).statusCode());
        long created = counters().getJsonNumber("videos_created").longValue();
        assertTrue(created >= 1);
        HttpResponse<String> reset = send(request("emulator/v1/control/counters/reset").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, reset.statusCode());
        JsonObject after = counters();
        assertEquals(0, after.getJsonObject("requests").size(), after.toString());
        assertEquals(0, after.getInt("faults_fired"));
        assertEquals(created, after.getJsonNumber("videos_created").longValue());
        assertFalse(after.getJsonObject("created_per_prompt").isEmpty());
        send(request("emulator/v1/videos/video_doesnotexist").GET());
        assertEquals(1, counters().getJsonObject("requests").getInt("GET /videos/{id} 404"));
    }

    // --- helpers ---

    private String statusPattern(int requests) throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < requests; i++) {
            int status = send(request("emulator/v1/videos").GET()).statusCode();
            assertTrue(status == 200 || status == 500, "status " + status);
            s.append(status == 500 ? 'X' : '.');
        }
        return s.toString();
    }

    private void plan(String json) throws Exception {
        HttpResponse<String> r = send(request("emulator/v1/control/faults").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(200, r.statusCode(), r.body());
    }

    private JsonObject faultPlan() throws Exception {
        return json(send(request("emulator/v1/control/faults").GET()).body());
    }

    private JsonObject counters() throws Exception {
        HttpResponse<String> r = send(request("emulator/v1/control/counters").GET());
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private void resetCounters() throws Exception {
        assertEquals(200, send(request("emulator/v1/control/counters/reset").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    }

    private HttpRequest createRequest(String model, String prompt) {
        String body = Json.createObjectBuilder().add("model", model).add("prompt", prompt).add("size", "1280x720")
                .add("seconds", "4").build().toString();
        return request("emulator/v1/videos").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> create(String model, String prompt) throws Exception {
        return http.send(createRequest(model, prompt), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether a video with this prompt is in the provider's list (newest first, so it is on the first page). */
    private boolean listed(String prompt) throws Exception {
        HttpResponse<String> r = send(request("emulator/v1/videos?limit=100").GET());
        assertEquals(200, r.statusCode(), r.body());
        for (JsonValue v : json(r.body()).getJsonArray("data")) {
            if (prompt.equals(v.asJsonObject().getString("prompt"))) {
                return true;
            }
        }
        return false;
    }

    private JsonObject awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(request("emulator/v1/videos/" + id).GET());
            if (r.statusCode() == 200) {
                last = json(r.body());
                if (Set.of("completed", "failed").contains(last.getString("status"))) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        fail("video " + id + " did not finish; last seen " + last);
        return null;
    }

    private HttpRequest.Builder request(String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30));
        // The control API is a Dailies admin's; the provider API takes any caller, as a provider's does.
        return path.contains("/control/")
                ? request.header("Authorization", DailiesClient.basic(DailiesClient.ADMIN_USER, DailiesClient.ADMIN_PASSWORD))
                : request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
