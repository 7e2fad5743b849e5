package io.dailies.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.ProviderException.Kind;
import io.dailies.provider.StubProvider.Answer;
import io.dailies.provider.catalog.ModelCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client (Jakarta REST client, RESTEasy here) against a scripted local server: what it sends,
 * when it retries, when it must not, and what the caller gets back.
 */
class ProviderHttpTest {

    private static final String KEY = "sk-test-Zq9Xw8Vu7Ts6Rq5Po4";

    @TempDir
    Path dir;

    private StubProvider stub;
    private FakeClock clock;
    private ProviderHttp http;
    private VideoProvider videos;
    private ProviderFiles files;
    private ProviderBatches batches;

    @BeforeEach
    void start() throws IOException {
        stub = new StubProvider();
        clock = new FakeClock(1_700_000_000_000L);
        connect(settings(stub.baseUrl()), ProviderLimiter.unlimited());
    }

    @AfterEach
    void stop() {
        http.close();
        stub.close();
    }

    private static ProviderSettings settings(String baseUrl) {
        return ProviderSettings.of(baseUrl).withApiKey(KEY).withOrganization("org-dailies", "proj-night")
                .withTimeouts(2_000, 700).withRetries(3, 100, 5_000);
    }

    private void connect(ProviderSettings settings, ProviderLimiter limiter) {
        if (http != null) {
            http.close();
        }
        http = new ProviderHttp(settings, limiter, clock);
        videos = new VideoProvider(http);
        files = new ProviderFiles(http);
        batches = new ProviderBatches(http);
    }

    private static String video(String id, String status) {
        return "{\"id\":\"" + id + "\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"" + status + "\",\"progress\":0,"
                + "\"created_at\":1712697600,\"completed_at\":null,\"expires_at\":null,\"prompt\":\"A paper boat.\","
                + "\"size\":\"1280x720\",\"seconds\":\"4\",\"remixed_from_video_id\":null,\"error\":null}";
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static final VideoRequest BOAT = new VideoRequest("sora-2", "A paper boat.", "1280x720", 4);

    // --- what is sent ---

    @Test
    void createSendsTheJsonBodyTheKeyTheAccountHeadersAndTheIdempotencyKey() {
        stub.on("POST", "/videos", Answer.json(200, video("video_1", "queued")));
        VideoJob job = videos.create(BOAT.withReferenceFile("file-ref"), "take-7");
        assertEquals("video_1", job.id());
        assertEquals("queued", job.status());
        StubProvider.Request sent = stub.requests("POST", "/videos").get(0);
        assertEquals("Bearer " + KEY, sent.header("Authorization"));
        assertEquals("org-dailies", sent.header("OpenAI-Organization"));
        assertEquals("proj-night", sent.header("OpenAI-Project"));
        assertEquals("take-7", sent.header("Idempotency-Key"));
        assertTrue(sent.header("Content-Type").startsWith("application/json"), sent.header("Content-Type"));
        assertEquals(BOAT.withReferenceFile("file-ref").toJson(), json(sent.text()));
    }

    @Test
    void aReferenceImageIsUploadedWithTheCreateAsMultipart() {
        stub.on("POST", "/videos", Answer.json(200, video("video_2", "queued")));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        videos.create(BOAT, Upload.of("keeper.png", png), "take-8");
        StubProvider.Request sent = stub.requests("POST", "/videos").get(0);
        assertTrue(sent.header("Content-Type").matches("multipart/form-data;\\s*boundary=dailies-[0-9a-f]{32}"), sent.header("Content-Type"));
        Map<String, StubProvider.Part> parts = sent.parts();
        assertEquals("sora-2", parts.get("model").text());
        assertEquals("A paper boat.", parts.get("prompt").text());
        assertEquals("1280x720", parts.get("size").text());
        assertEquals("4", parts.get("seconds").text());
        assertEquals("keeper.png", parts.get("input_reference").filename());
        assertEquals("image/png", parts.get("input_reference").contentType());
        assertArrayEquals(png, parts.get("input_reference").content());
        assertEquals("take-8", sent.header("Idempotency-Key"));
        assertThrows(IllegalArgumentException.class, () -> videos.create(BOAT.withReferenceFile("f"), Upload.of("a.png", png), "k"));
    }

    @Test
    void remixExtensionAndEditGoToTheirEndpointsWithTheReferenceBodies() {
        stub.on("POST", "/videos/video_1/remix", Answer.json(200, video("video_r", "queued")))
                .on("POST", "/videos/extensions", Answer.json(200, video("video_x", "queued")))
                .on("POST", "/videos/edits", Answer.json(200, video("video_e", "queued")));
        VideoJob source = VideoJob.from(json(video("video_1", "completed")));
        assertEquals("video_r", videos.remix(source, "Same shot, switch to 85 mm.", "r-1").id());
        assertEquals("video_x", videos.extend(source, "The boat drifts under a bridge.", 8, "x-1").id());
        assertEquals("video_e", videos.edit("video_1", "Make it dusk.", "e-1").id());

        assertEquals(json("{\"prompt\":\"Same shot, switch to 85 mm.\"}"), json(stub.requests("POST", "/videos/video_1/remix").get(0).text()));
        assertEquals(json("{\"video\":{\"id\":\"video_1\"},\"prompt\":\"The boat drifts under a bridge.\",\"seconds\":\"8\"}"),
                json(stub.requests("POST", "/videos/extensions").get(0).text()));
        assertEquals(json("{\"video\":{\"id\":\"video_1\"},\"prompt\":\"Make it dusk.\"}"),
                json(stub.requests("POST", "/videos/edits").get(0).text()));
        assertEquals("x-1", stub.requests("POST", "/videos/extensions").get(0).header("Idempotency-Key"));
    }

    @Test
    void charactersAreMadeFromAClipAndRead() {
        stub.on("POST", "/videos/characters", Answer.json(200, "{\"id\":\"char_1\",\"name\":\"Detective Mira\",\"created_at\":1710268800}"))
                .on("GET", "/videos/characters/char_1", Answer.json(200, "{\"id\":\"char_1\",\"name\":\"Detective Mira\",\"created_at\":1710268800}"));
        VideoCharacter made = videos.createCharacter("Detective Mira", Upload.of("mira.mp4", new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}));
        assertEquals(new VideoCharacter("char_1", "Detective Mira", 1710268800), made);
        assertEquals(made, videos.retrieveCharacter("char_1"));
        Map<String, StubProvider.Part> parts = stub.requests("POST", "/videos/characters").get(0).parts();
        assertEquals("Detective Mira", parts.get("name").text());
        assertEquals("mira.mp4", parts.get("video").filename());
        assertEquals("video/mp4", parts.get("video").contentType());
        assertThrows(IllegalArgumentException.class, () -> videos.createCharacter("x".repeat(81), Upload.of("a.mp4", new byte[1])));
    }

    // --- retries ---

    @Test
    void aReadIsRetriedOnTransientFailuresWaitingWhatTheProviderAsks() {
        stub.on("GET", "/videos/video_1",
                Answer.error(503, null, null, "overloaded").withHeader("Retry-After", "2"),
                Answer.error(429, "rate_limit_exceeded", null, "slow down").withHeader("retry-after-ms", "1500"),
                Answer.error(502, null, null, "bad gateway"),
                Answer.json(200, video("video_1", "in_progress")));
        assertEquals("in_progress", videos.retrieve("video_1").status());
        assertEquals(4, stub.requests("GET", "/videos/video_1").size());
        assertEquals(3, clock.sleeps.size());
        assertEquals(2_000, clock.sleeps.get(0), "Retry-After: 2 is waited out");
        assertEquals(1_500, clock.sleeps.get(1), "retry-after-ms: 1500 is waited out");
        long backoff = clock.sleeps.get(2);
        assertTrue(backoff >= 200 && backoff <= 400, "third attempt backs off 100 ms * 2^2 with jitter: " + backoff);
    }

    @Test
    void aClientErrorIsNotRetriedAndNamesTheParameter() {
        stub.on("POST", "/videos", Answer.error(400, "invalid_value", "size", "Invalid value for 'size': '1920x1080'."));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.create(BOAT, "k"));
        assertEquals(Kind.INVALID_PARAMETER, e.kind());
        assertEquals("size", e.param());
        assertFalse(e.ambiguous());
        assertEquals(1, stub.requests("POST", "/videos").size());
        assertTrue(clock.sleeps.isEmpty());
    }

    @Test
    void anExhaustedQuotaIsNotRetriedAlthoughItIsA429() {
        stub.on("GET", "/videos/video_1", Answer.json(429,
                "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.retrieve("video_1"));
        assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void retriesEndAndSayHowManyAttemptsWereMade() {
        stub.on("GET", "/videos/video_1", Answer.error(503, null, null, "overloaded"));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.retrieve("video_1"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(503, e.httpStatus());
        assertEquals(4, stub.requests().size(), "the first attempt and 3 retries");
        assertTrue(e.getMessage().endsWith("(after 4 attempts)"), e.getMessage());
    }

    @Test
    void aRetryAfterLongerThanTheCapIsNotWaitedInsideTheCall() {
        stub.on("POST", "/videos", Answer.error(429, "rate_limit_exceeded", null, "Rate limit reached").withHeader("Retry-After", "120"));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.create(BOAT, "k"));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertFalse(e.ambiguous(), "a 429 was not acted on");
        assertEquals(120_000, e.retryAfterMillis().getAsLong());
        assertEquals(1, stub.requests().size());
        assertTrue(clock.sleeps.isEmpty(), "never retried before the provider said");
        assertTrue(e.describe().startsWith("Rate limited by the provider; it asks to wait 120 s"), e.describe());
    }

    @Test
    void aCreateThatWasSurelyNotActedOnIsRetriedWithTheSameIdempotencyKey() {
        stub.on("POST", "/videos",
                Answer.error(429, "rate_limit_exceeded", null, "slow down").withHeader("Retry-After", "1"),
                Answer.error(409, "conflict", null, "try again"),
                Answer.json(200, video("video_9", "queued")));
        assertEquals("video_9", videos.create(BOAT, "take-9").id());
        List<StubProvider.Request> sent = stub.requests("POST", "/videos");
        assertEquals(3, sent.size());
        assertTrue(sent.stream().allMatch(r -> "take-9".equals(r.header("Idempotency-Key"))));
    }

    @Test
    void aCreateAnswered5xxIsAmbiguousAndNeverSentTwice() {
        stub.on("POST", "/videos", Answer.error(500, null, null, "internal error"), Answer.json(200, video("video_2", "queued")));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.create(BOAT, "take-1"));
        assertTrue(e.ambiguous());
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(1, stub.requests("POST", "/videos").size(), "the ledger reconciles; the client does not resend");
        assertTrue(e.describe().contains("may have reached it"), e.describe());
    }

    @Test
    void aCreateThatTimesOutIsAmbiguousAndNeverSentTwice() {
        stub.on("POST", "/videos", Answer.json(200, video("video_3", "queued")).delayed(2_000));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.create(BOAT, "take-2"));
        assertTrue(e.ambiguous());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(1, stub.requests("POST", "/videos").size());
    }

    @Test
    void aCreateWithAnUnreadableAnswerIsAmbiguous() {
        stub.on("POST", "/videos", Answer.bytes(200, "application/json", "{\"id\": \"video_".getBytes(StandardCharsets.UTF_8)));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.create(BOAT, "take-3"));
        assertTrue(e.ambiguous());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void aReadThatTimesOutIsRetried() {
        stub.on("GET", "/videos/video_1", Answer.json(200, video("video_1", "queued")).delayed(2_000),
                Answer.json(200, video("video_1", "completed")));
        assertEquals("completed", videos.retrieve("video_1").status());
        assertEquals(2, stub.requests().size());
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForACreateBecauseNothingWasSent() throws IOException {
        connect(settings("http://127.0.0.1:" + StubProvider.closedPort() + "/v1"), ProviderLimiter.unlimited());
        ProviderException e = assertThrows(ProviderException.class, () -> videos.create(BOAT, "take-4"));
        assertFalse(e.ambiguous(), "no connection, no generation: " + e.getMessage());
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(3, clock.sleeps.size(), "retried");
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
    }

    @Test
    void createsWaitForTheModelsRequestRate() {
        connect(settings(stub.baseUrl()), new ProviderLimiter(ModelCatalog.load(), Optional.of(2), clock));
        stub.on("POST", "/videos", Answer.json(200, video("video_5", "queued")));
        videos.create(BOAT, "a");
        videos.create(BOAT, "b");
        assertTrue(clock.sleeps.isEmpty());
        videos.create(BOAT, "c");
        assertEquals(List.of(60_000L), clock.sleeps, "the third create of a 2-per-minute model waits for the window");
        stub.on("GET", "/videos/video_5", Answer.json(200, video("video_5", "queued")));
        videos.retrieve("video_5");
        videos.retrieve("video_5");
        videos.retrieve("video_5"); // reads are not counted
        assertEquals(1, clock.sleeps.size());
    }

    // --- keys ---

    @Test
    void theKeyNeverAppearsInWhatTheCallerSeesEvenWhenTheProviderEchoesIt() {
        stub.on("GET", "/videos/video_1", Answer.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                + ". Authorization: Bearer " + KEY + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.retrieve("video_1"));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        for (String shown : List.of(e.getMessage(), e.describe(), e.toString())) {
            assertFalse(shown.contains(KEY), shown);
            assertFalse(shown.contains("Zq9Xw8"), shown);
        }
        assertEquals("Bearer " + KEY, stub.requests().get(0).header("Authorization"), "but it is sent");
    }

    @Test
    void aKeyThatLooksLikeNothingSpecialIsRedactedToo() {
        String gatewayKey = "gw7f3c9a1e5b2d";
        connect(settings(stub.baseUrl()).withApiKey(gatewayKey), ProviderLimiter.unlimited());
        stub.on("GET", "/videos/video_1", Answer.bytes(403, "text/plain", ("key " + gatewayKey + " has no access").getBytes(StandardCharsets.UTF_8)));
        ProviderException e = assertThrows(ProviderException.class, () -> videos.retrieve("video_1"));
        assertFalse(e.getMessage().contains(gatewayKey), e.getMessage());
        assertTrue(e.getMessage().contains("key [redacted] has no access"), e.getMessage());
    }

    @Test
    void postJsonUsesTheGivenKeyOnly() {
        stub.on("POST", "/chat/completions", Answer.json(200, "{\"choices\":[]}"));
        JsonObject answer = videos.postJson(stub.baseUrl(), Optional.of("judge-key"), "chat/completions", json("{\"model\":\"m\"}"));
        assertEquals(json("{\"choices\":[]}"), answer);
        assertEquals("Bearer judge-key", stub.requests().get(0).header("Authorization"));
        assertNull(stub.requests().get(0).header("OpenAI-Organization"), "account headers belong to the provider");
        videos.postJson(stub.baseUrl(), Optional.empty(), "chat/completions", json("{}"));
        assertNull(stub.requests().get(1).header("Authorization"));
        assertEquals(Optional.of(KEY), videos.apiKey());
    }

    // --- content ---

    @Test
    void aDownloadLandsAtomicallyWithItsSha256() throws Exception {
        byte[] mp4 = new byte[300_000];
        new java.util.Random(7).nextBytes(mp4);
        stub.on("GET", "/videos/video_1/content", Answer.bytes(200, "video/mp4", mp4));
        Path target = dir.resolve("takes/run-1/take.mp4");
        String sha = videos.download("video_1", "thumbnail", target);
        assertArrayEquals(mp4, Files.readAllBytes(target));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp4)), sha);
        assertEquals("variant=thumbnail", stub.requests().get(0).query());
        assertFalse(Files.exists(dir.resolve("takes/run-1/take.mp4.part")));
    }

    @Test
    void aCutOffDownloadIsRetriedAndNeverLeavesAHalfFile() throws IOException {
        byte[] mp4 = "ftyp-and-the-rest-of-a-video".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        stub.on("GET", "/videos/video_1/content", Answer.bytes(200, "video/mp4", mp4).cutOff(), Answer.bytes(200, "video/mp4", mp4));
        Path target = dir.resolve("take.mp4");
        videos.download("video_1", "video", target);
        assertArrayEquals(mp4, Files.readAllBytes(target));
        assertEquals(2, stub.requests().size());

        stub.on("GET", "/videos/video_2/content", Answer.bytes(200, "video/mp4", mp4).cutOff());
        Path other = dir.resolve("other.mp4");
        ProviderException e = assertThrows(ProviderException.class, () -> videos.download("video_2", "video", other));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertFalse(e.ambiguous());
        assertFalse(Files.exists(other), "no half take");
        assertFalse(Files.exists(dir.resolve("other.mp4.part")));
    }

    @Test
    void aFileWeCannotWriteIsOurProblemNotAProviderOutage() throws IOException {
        stub.on("GET", "/videos/video_1/content", Answer.bytes(200, "video/mp4", new byte[] {1, 2, 3}));
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file");
        assertThrows(ProviderHttp.LocalFileException.class, () -> videos.download("video_1", "video", notADirectory.resolve("take.mp4")));
        assertEquals(1, stub.requests().size(), "not retried");
    }

    // --- lists ---

    @Test
    void listAllFollowsTheCursorLazily() {
        stub.on("GET", "/videos",
                Answer.json(200, "{\"object\":\"list\",\"data\":[" + video("video_c", "queued") + "," + video("video_b", "queued")
                        + "],\"first_id\":\"video_c\",\"last_id\":\"video_b\",\"has_more\":true}"),
                Answer.json(200, "{\"object\":\"list\",\"data\":[" + video("video_a", "queued")
                        + "],\"first_id\":\"video_a\",\"last_id\":\"video_a\",\"has_more\":false}"));
        assertEquals(List.of("video_c", "video_b", "video_a"), videos.listAll(2).map(VideoJob::id).toList());
        List<StubProvider.Request> sent = stub.requests("GET", "/videos");
        assertEquals(2, sent.size());
        assertEquals(Map.of("limit", "2", "order", "desc"), query(sent.get(0)));
        assertEquals(Map.of("limit", "2", "order", "desc", "after", "video_b"), query(sent.get(1)));

        stub.on("GET", "/videos", Answer.json(200, "{\"object\":\"list\",\"data\":[" + video("video_c", "queued")
                + "],\"first_id\":\"video_c\",\"last_id\":\"video_c\",\"has_more\":true}"));
        assertEquals("video_c", videos.listAll(1).findFirst().orElseThrow().id());
        assertEquals(3, stub.requests("GET", "/videos").size(), "no page is fetched that nobody reads");
        assertEquals(1, videos.listAll(1).limit(5).count(), "a provider repeating its cursor does not loop forever");
    }

    @Test
    void deleteSaysWhetherTheVideoIsGone() {
        stub.on("DELETE", "/videos/video_1", Answer.json(200, "{\"object\":\"video.deleted\",\"deleted\":true,\"id\":\"video_1\"}"))
                .on("DELETE", "/videos/video_2", Answer.error(404, "not_found", null, "No video with id 'video_2'."));
        assertTrue(videos.delete("video_1"));
        assertEquals(Kind.NOT_FOUND, assertThrows(ProviderException.class, () -> videos.delete("video_2")).kind());
    }

    // --- files and batches ---

    @Test
    void filesAreUploadedListedReadAndDeleted() throws Exception {
        String fileJson = "{\"id\":\"file-1\",\"object\":\"file\",\"bytes\":18,\"created_at\":1677610602,\"expires_at\":null,"
                + "\"filename\":\"run-4.jsonl\",\"purpose\":\"batch\",\"status\":\"processed\"}";
        String jsonl = "{\"custom_id\":\"a\"}\n";
        stub.on("POST", "/files", Answer.json(200, fileJson))
                .on("GET", "/files/file-1", Answer.json(200, fileJson))
                .on("GET", "/files/file-1/content", Answer.bytes(200, "application/octet-stream", jsonl.getBytes(StandardCharsets.UTF_8)))
                .on("GET", "/files", Answer.json(200, "{\"object\":\"list\",\"data\":[" + fileJson + "],\"first_id\":\"file-1\","
                        + "\"last_id\":\"file-1\",\"has_more\":false}"))
                .on("DELETE", "/files/file-1", Answer.json(200, "{\"id\":\"file-1\",\"object\":\"file\",\"deleted\":true}"));

        ProviderFile uploaded = files.upload("run-4.jsonl", jsonl.getBytes(StandardCharsets.UTF_8), ProviderFiles.BATCH);
        assertEquals(new ProviderFile("file-1", 18, 1677610602, null, "run-4.jsonl", "batch", "processed"), uploaded);
        Map<String, StubProvider.Part> parts = stub.requests("POST", "/files").get(0).parts();
        assertEquals("batch", parts.get("purpose").text());
        assertEquals("run-4.jsonl", parts.get("file").filename());
        assertEquals(jsonl, parts.get("file").text());

        assertEquals(uploaded, files.retrieve("file-1"));
        assertEquals(jsonl, files.contentText("file-1"));
        String sha = files.content("file-1", dir.resolve("copy.jsonl"));
        assertEquals(jsonl, Files.readString(dir.resolve("copy.jsonl")));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jsonl.getBytes(StandardCharsets.UTF_8))), sha);
        assertEquals(Optional.of(uploaded), files.find("run-4.jsonl", ProviderFiles.BATCH));
        assertEquals("batch", query(stub.requests("GET", "/files").get(0)).get("purpose"));
        assertTrue(files.delete("file-1"));
    }

    @Test
    void anUploadIsACreateAmbiguousAfterA5xx() {
        stub.on("POST", "/files", Answer.error(502, null, null, "bad gateway"));
        ProviderException e = assertThrows(ProviderException.class, () -> files.upload("a.jsonl", new byte[] {'{', '}'}, "batch"));
        assertTrue(e.ambiguous());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void batchesAreCreatedPolledCancelledAndTheirResultsMatchedByCustomId() {
        String created = "{\"id\":\"batch_1\",\"object\":\"batch\",\"endpoint\":\"/v1/videos\",\"errors\":null,\"input_file_id\":\"file-in\","
                + "\"completion_window\":\"24h\",\"status\":\"validating\",\"output_file_id\":null,\"error_file_id\":null,"
                + "\"created_at\":1711471533,\"in_progress_at\":null,\"expires_at\":null,\"finalizing_at\":null,\"completed_at\":null,"
                + "\"failed_at\":null,\"expired_at\":null,\"cancelling_at\":null,\"cancelled_at\":null,"
                + "\"request_counts\":{\"total\":0,\"completed\":0,\"failed\":0},\"metadata\":{\"run\":\"4\"}}";
        String done = created.replace("\"validating\"", "\"completed\"").replace("\"output_file_id\":null", "\"output_file_id\":\"file-out\"")
                .replace("\"error_file_id\":null", "\"error_file_id\":\"file-err\"").replace("\"completed_at\":null", "\"completed_at\":1711493163")
                .replace("{\"total\":0,\"completed\":0,\"failed\":0}", "{\"total\":2,\"completed\":1,\"failed\":1}");
        String output = "{\"id\":\"batch_req_1\",\"custom_id\":\"take-1\",\"response\":{\"status_code\":200,\"request_id\":\"r\",\"body\":"
                + video("video_1", "completed") + "},\"error\":null}\n";
        String errors = "{\"id\":\"batch_req_2\",\"custom_id\":\"take-2\",\"response\":null,\"error\":{\"code\":\"moderation_blocked\","
                + "\"message\":\"blocked\"}}\n";
        stub.on("POST", "/batches", Answer.json(200, created))
                .on("GET", "/batches/batch_1", Answer.json(200, done))
                .on("GET", "/files/file-out/content", Answer.bytes(200, "application/octet-stream", output.getBytes(StandardCharsets.UTF_8)))
                .on("GET", "/files/file-err/content", Answer.bytes(200, "application/octet-stream", errors.getBytes(StandardCharsets.UTF_8)))
                .on("POST", "/batches/batch_1/cancel", Answer.json(200, created.replace("\"validating\"", "\"cancelling\"")))
                .on("GET", "/batches", Answer.json(200, "{\"object\":\"list\",\"data\":[" + done + "],\"first_id\":\"batch_1\","
                        + "\"last_id\":\"batch_1\",\"has_more\":false}"));

        BatchJob batch = batches.create("file-in", BatchLines.VIDEOS, ProviderBatches.WINDOW_24H, Map.of("run", "4"), "run-4-batch");
        assertEquals("validating", batch.status());
        assertFalse(batch.finished());
        assertEquals(Map.of("run", "4"), batch.metadata());
        StubProvider.Request sent = stub.requests("POST", "/batches").get(0);
        assertEquals(json("{\"input_file_id\":\"file-in\",\"endpoint\":\"/v1/videos\",\"completion_window\":\"24h\",\"metadata\":{\"run\":\"4\"}}"),
                json(sent.text()));
        assertEquals("run-4-batch", sent.header("Idempotency-Key"));

        BatchJob finished = batches.retrieve("batch_1");
        assertTrue(finished.completed() && finished.finished());
        assertEquals(new BatchJob.RequestCounts(2, 1, 1), finished.requestCounts());
        assertEquals(Long.valueOf(1711493163), finished.completedAt());
        Map<String, BatchResult> results = batches.results(finished);
        assertEquals(List.of("take-1", "take-2"), results.keySet().stream().sorted().collect(Collectors.toList()));
        assertEquals("video_1", results.get("take-1").video().id());
        assertEquals(Kind.CONTENT_POLICY, results.get("take-2").failure().kind());

        assertEquals("cancelling", batches.cancel("batch_1").status());
        assertEquals("batch_1", batches.findByInputFile("file-in").orElseThrow().id());
        assertTrue(batches.findByInputFile("file-other").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> batches.create("f", BatchLines.VIDEOS, "24h", Map.of("k", "v".repeat(513))));
    }

    @Test
    void aBatchRefusedAtValidationListsItsErrors() {
        stub.on("GET", "/batches/batch_2", Answer.json(200, "{\"id\":\"batch_2\",\"object\":\"batch\",\"endpoint\":\"/v1/videos\","
                + "\"errors\":{\"object\":\"list\",\"data\":[{\"code\":\"duplicate_custom_id\",\"message\":\"custom_id a is used twice\","
                + "\"param\":null,\"line\":2}]},\"input_file_id\":\"file-in\",\"completion_window\":\"24h\",\"status\":\"failed\","
                + "\"created_at\":1,\"failed_at\":2}"));
        BatchJob failed = batches.retrieve("batch_2");
        assertTrue(failed.failed() && failed.finished());
        assertEquals(List.of(new BatchJob.BatchError("duplicate_custom_id", "custom_id a is used twice", null, 2)), failed.errors());
        assertEquals(new BatchJob.RequestCounts(0, 0, 0), failed.requestCounts());
        assertNotNull(failed.failedAt());
    }

    private static Map<String, String> query(StubProvider.Request r) {
        return java.util.Arrays.stream(r.query().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
