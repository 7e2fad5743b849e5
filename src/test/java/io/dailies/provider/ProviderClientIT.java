package io.dailies.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.provider.ProviderException.Kind;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's provider client, built without CDI exactly as a tool would build it, against the
 * built-in emulator over real HTTP: every call of the Videos, Files and Batches APIs, and the client's
 * behaviour under the emulator's injected faults.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProviderClientIT {

    /** The smallest valid PNG (1x1), for references the emulator only has to accept. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path dir;

    private ProviderHttp http;
    private VideoProvider videos;
    private ProviderFiles files;
    private ProviderBatches batches;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() throws Exception {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        // Short pauses: the emulator's Retry-After of 1 s is honoured, our own backoff stays small.
        ProviderSettings settings = ProviderSettings.of(root + "emulator/v1").withTimeouts(5_000, 30_000).withRetries(4, 50, 3_000);
        http = new ProviderHttp(settings, ProviderLimiter.unlimited());
        videos = new VideoProvider(http);
        files = new ProviderFiles(http);
        batches = new ProviderBatches(http);
        clearFaults();
    }

    @AfterEach
    void close() throws Exception {
        clearFaults();
        http.close();
    }

    // --- videos ---

    @Test
    void videosAreCreatedListedPageByPageDownloadedAndDeleted() throws Exception {
        List<VideoJob> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            VideoRequest r = new VideoRequest("sora-2", "Shot " + i + " of run " + run + ": a lighthouse keeper climbs four steps."
                    + " Palette anchors: amber, navy, cream.", "1280x720", 4);
            VideoJob job = videos.create(r, run + "-video-" + i);
            assertTrue(Set.of("queued", "in_progress").contains(job.status()), job.status());
            assertTrue(r.matches(job), "the provider's answer matches the request");
            made.add(job);
        }
        Set<String> ids = Set.of(made.get(0).id(), made.get(1).id(), made.get(2).id());
        assertEquals(3, ids.size());
        // The reference protocol has no Idempotency-Key and a real gateway may ignore it, as the emulator does by
        // default: a resend is a second paid generation, so only the ledger's reconciliation can prevent one.
        assertNotEquals(made.get(0).id(), videos.create(new VideoRequest("sora-2", "anything", "1280x720", 4), run + "-video-0").id(),
                "the emulator ignores Idempotency-Key unless told to honour it");

        VideoProvider.Page first = videos.list(null, 2);
        assertEquals(2, first.videos().size());
        assertTrue(first.hasMore());
        assertEquals(first.videos().get(1).id(), first.lastId());
        VideoProvider.Page second = videos.list(first.lastId(), 2);
        Set<String> seen = new HashSet<>();
        first.videos().forEach(v -> seen.add(v.id()));
        second.videos().forEach(v -> assertTrue(seen.add(v.id()), "pages do not overlap: " + v.id()));
        assertTrue(seen.containsAll(ids), "the newest three are on the first two pages: " + seen);

        List<String> all = videos.listAll(2).map(VideoJob::id).toList();
        assertEquals(all.size(), new HashSet<>(all).size(), "following the cursor never repeats a video");
        assertTrue(all.containsAll(ids));

        VideoJob done = awaitFinished(made.get(0).id());
        assertEquals("completed", done.status(), String.valueOf(done.errorMessage()));
        assertEquals(100, done.progress());
        assertNotNull(done.completedAt());

        Path mp4 = dir.resolve("take.mp4");
        String sha = videos.download(done.id(), "video", mp4);
        byte[] bytes = Files.readAllBytes(mp4);
        assertEquals("ftyp", new String(bytes, 4, 4, StandardCharsets.US_ASCII), "an MP4");
        assertEquals(sha256(bytes), sha);
        for (String variant : List.of("thumbnail", "spritesheet")) {
            Path image = dir.resolve(variant + ".img");
            String imageSha = videos.download(done.id(), variant, image);
            byte[] img = Files.readAllBytes(image);
            assertTrue(img.length > 100, variant + " has content");
            assertTrue(isJpeg(img) || isWebp(img), variant + " is an image");
            assertEquals(sha256(img), imageSha);
        }
        assertFalse(Files.exists(dir.resolve("take.mp4.part")));

        assertTrue(videos.delete(done.id()));
        assertEquals(Kind.NOT_FOUND, assertThrows(ProviderException.class, () -> videos.retrieve(done.id())).kind());
        assertEquals(Kind.NOT_FOUND, assertThrows(ProviderException.class, () -> videos.delete(done.id())).kind());
    }

    @Test
    void aRefusedRequestIsTypedNamesItsParameterAndIsNotAmbiguous() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> videos.create(new VideoRequest("sora-2", "A paper boat drifts down a gutter.", "1920x1080", 4), run + "-bad"));
        assertEquals(Kind.INVALID_PARAMETER, e.kind());
        assertEquals("size", e.param());
        assertFalse(e.ambiguous());
        assertTrue(e.describe().startsWith("Invalid parameter 'size'"), e.describe());

        ProviderException missing = assertThrows(ProviderException.class, () -> videos.retrieve("video_doesnotexist"));
        assertEquals(Kind.NOT_FOUND, missing.kind());
        assertTrue(missing.getMessage().contains("video_doesnotexist"), missing.getMessage());
    }

    @Test
    void aReferenceImageGoesUploadedWithTheCreateAsAFileIdOrAsAUrl() {
        VideoRequest request = new VideoRequest("sora-2-pro", "A paper boat drifts down a gutter, run " + run + ".", "1792x1024", 8);
        VideoJob uploaded = videos.create(request, Upload.of("boat.png", PNG), run + "-ref-multipart");
        assertEquals("sora-2-pro", uploaded.model());
        assertEquals("1792x1024", uploaded.size());
        assertEquals("8", uploaded.seconds());

        ProviderFile image = files.upload(Upload.of("boat.png", PNG), ProviderFiles.VISION);
        VideoJob byFile = videos.create(request.withReferenceFile(image.id()), run + "-ref-file");
        assertNotEquals(uploaded.id(), byFile.id());
        VideoJob byUrl = videos.create(request.withReferenceImageUrl("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG)),
                run + "-ref-url");
        assertNotEquals(byFile.id(), byUrl.id());
    }

    @Test
    void remixExtensionAndEditMakeNewVideosFromACompletedOne() throws Exception {
        VideoJob source = awaitFinished(videos.create(new VideoRequest("sora-2", "A queen lifts a goblet, run " + run
                + ". Palette anchors: burgundy, gold, slate.", "1280x720", 4), run + "-source").id());
        assertEquals("completed", source.status());

        VideoJob remix = videos.remix(source, "Same shot, switch to 85 mm.", run + "-remix");
        assertEquals(source.id(), remix.remixedFromVideoId());
        assertEquals(source.size(), remix.size());
        VideoJob extension = videos.extend(source, "The queen sets the goblet down and turns to the window.", 4, run + "-extend");
        assertEquals("8", extension.seconds(), "an extension's seconds are the stitched total");
        VideoJob edit = videos.edit(source, "Same shot at dusk.", run + "-edit");

        for (VideoJob made : List.of(remix, extension, edit)) {
            VideoJob done = awaitFinished(made.id());
            assertEquals("completed", done.status(), made.id() + ": " + done.errorMessage());
            Path mp4 = dir.resolve(made.id() + ".mp4");
            videos.download(made.id(), "video", mp4);
            assertEquals("ftyp", new String(Files.readAllBytes(mp4), 4, 4, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void charactersAreMadeFromAClipAndCastInGenerations() {
        VideoJob clip = awaitFinished(videos.create(new VideoRequest("sora-2", "Detective Mira turns to camera, run " + run + ".",
                "720x1280", 4), run + "-clip").id());
        Path mp4 = dir.resolve("mira.mp4");
        videos.download(clip.id(), "video", mp4);

        VideoCharacter mira = videos.createCharacter("Detective Mira", Upload.of(mp4));
        assertTrue(mira.id().startsWith("char_"), mira.id());
        assertEquals("Detective Mira", mira.name());
        assertTrue(mira.createdAt() > 0);
        assertEquals(mira, videos.retrieveCharacter(mira.id()));

        VideoRequest scene = new VideoRequest("sora-2", "Detective Mira reads a letter by the window, run " + run + ".", "720x1280", 4);
        VideoJob cast = videos.create(scene.withCharacters(List.of(mira.id())), run + "-cast");
        assertNotNull(cast.id());

        ProviderException unknown = assertThrows(ProviderException.class,
                () -> videos.create(scene.withCharacters(List.of("char_doesnotexist")), run + "-cast-unknown"));
        assertEquals(Kind.INVALID_PARAMETER, unknown.kind());
        assertEquals("characters", unknown.param());
        assertEquals(Kind.NOT_FOUND, assertThrows(ProviderException.class, () -> videos.retrieveCharacter("char_doesnotexist")).kind());
    }

    // --- files ---

    @Test
    void filesAreUploadedReadListedAndDeleted() throws Exception {
        String jsonl = "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{\"prompt\":\"x\"}}\n";
        String name = "run-" + run + ".jsonl";
        ProviderFile file = files.upload(name, jsonl.getBytes(StandardCharsets.UTF_8), ProviderFiles.BATCH);
        assertTrue(file.id().startsWith("file-"), file.id());
        assertEquals(name, file.filename());
        assertEquals("batch", file.purpose());
        assertEquals(jsonl.getBytes(StandardCharsets.UTF_8).length, file.bytes());

        assertEquals(file.id(), files.retrieve(file.id()).id());
        assertEquals(jsonl, files.contentText(file.id()));
        Path copy = dir.resolve("copy.jsonl");
        assertEquals(sha256(jsonl.getBytes(StandardCharsets.UTF_8)), files.content(file.id(), copy));
        assertEquals(jsonl, Files.readString(copy));
        assertEquals(file.id(), files.find(name, ProviderFiles.BATCH).orElseThrow().id());
        assertTrue(files.list(ProviderFiles.BATCH, null, 100).data().stream().anyMatch(f -> f.id().equals(file.id())));
        assertTrue(files.listAll(ProviderFiles.VISION).noneMatch(f -> f.id().equals(file.id())), "the purpose filter holds");

        Path onDisk = Files.write(dir.resolve("ref.png"), PNG);
        ProviderFile image = files.upload(onDisk, ProviderFiles.VISION);
        assertEquals("ref.png", image.filename());
        assertEquals(PNG.length, image.bytes());

        assertTrue(files.delete(file.id()));
        assertEquals(Kind.NOT_FOUND, assertThrows(ProviderException.class, () -> files.retrieve(file.id())).kind());
        assertTrue(files.find(name, ProviderFiles.BATCH).isEmpty());
    }

    // --- batches ---

    @Test
    void aBatchOfVideosCompletesAndItsResultsAreMatchedByCustomId() throws Exception {
        VideoRequest keeper = new VideoRequest("sora-2", "A lighthouse keeper lights the lamp, batch " + run + ".", "1280x720", 4);
        VideoRequest boat = new VideoRequest("sora-2", "A paper boat drifts down a gutter, batch " + run + ".", "720x1280", 4);
        VideoRequest tooBig = new VideoRequest("sora-2", "A wide harbour at dawn, batch " + run + ".", "1920x1080", 4);
        byte[] input = BatchLines.file(List.of(BatchLines.request("take-keeper", keeper), BatchLines.request("take-boat", boat),
                BatchLines.request("take-too-big", tooBig)));
        ProviderFile in = files.upload("batch-" + run + ".jsonl", input, ProviderFiles.BATCH);

        BatchJob created = batches.create(in.id(), BatchLines.VIDEOS, ProviderBatches.WINDOW_24H, Map.of("run", run), run + "-batch");
        assertEquals(in.id(), created.inputFileId());
        assertEquals("/v1/videos", created.endpoint());
        assertEquals(Map.of("run", run), created.metadata());
        assertFalse(created.finished());
        assertEquals(created.id(), batches.findByInputFile(in.id()).orElseThrow().id(), "an ambiguous create is found by its input file");
        assertTrue(batches.listAll().anyMatch(b -> b.id().equals(created.id())));

        BatchJob done = awaitBatch(created.id());
        assertEquals("completed", done.status(), String.valueOf(done.errors()));
        assertEquals(new BatchJob.RequestCounts(3, 2, 1), done.requestCounts());
        assertNotNull(done.outputFileId());
        assertNotNull(done.errorFileId());
        assertNotNull(done.completedAt());

        Map<String, BatchResult> results = batches.results(done);
        assertEquals(Set.of("take-keeper", "take-boat", "take-too-big"), results.keySet());
        for (String id : List.of("take-keeper", "take-boat")) {
            BatchResult r = results.get(id);
            assertTrue(r.ok(), id + ": " + r.errorMessage());
            VideoJob video = r.video();
            assertEquals("completed", video.status());
            Path mp4 = dir.resolve(id + ".mp4");
            String sha = videos.download(video.id(), "video", mp4);
            byte[] bytes = Files.readAllBytes(mp4);
            assertEquals("ftyp", new String(bytes, 4, 4, StandardCharsets.US_ASCII), id + " downloads as an MP4");
            assertEquals(sha256(bytes), sha);
        }
        assertEquals("720x1280", results.get("take-boat").video().size(), "matched by custom_id, not by order");
        assertTrue(keeper.matches(results.get("take-keeper").video()));
        BatchResult refused = results.get("take-too-big");
        assertFalse(refused.ok());
        ProviderException why = refused.failure();
        assertEquals(Kind.INVALID_PARAMETER, why.kind(), why.describe());
        assertTrue(why.describe().contains("size"), why.describe());
    }

    @Test
    void aBatchCanBeCancelledAndACancelledBatchCannotBeCancelledAgain() {
        VideoRequest v = new VideoRequest("sora-2", "A crane shot over rooftops, cancelled batch " + run + ".", "1280x720", 4);
        byte[] input = BatchLines.file(List.of(BatchLines.request("a", v), BatchLines.request("b", v), BatchLines.request("c", v)));
        ProviderFile in = files.upload("cancel-" + run + ".jsonl", input, ProviderFiles.BATCH);
        BatchJob created = batches.create(in.id(), BatchLines.VIDEOS, ProviderBatches.WINDOW_24H, Map.of());

        BatchJob cancelling = batches.cancel(created.id());
        assertTrue(Set.of("cancelling", "cancelled").contains(cancelling.status()), cancelling.status());
        BatchJob cancelled = awaitBatch(created.id());
        assertEquals("cancelled", cancelled.status());
        assertNotNull(cancelled.cancelledAt());
        assertTrue(cancelled.requestCounts().completed() < 3, "cancelled before every request was done: " + cancelled.requestCounts());

        ProviderException again = assertThrows(ProviderException.class, () -> batches.cancel(created.id()));
        assertFalse(again.ambiguous());
        assertTrue(again.httpStatus() >= 400 && again.httpStatus() < 500, again.describe());
    }

    // --- faults: the client rides out what a gateway does ---

    @Test
    void readsRideOutRateLimitsAndServerErrors() throws Exception {
        VideoJob job = videos.create(new VideoRequest("sora-2", "A bell rings once, run " + run + ".", "1280x720", 4), run + "-bell");
        plan("{\"seed\": 1, \"rules\": [{\"fault\": \"rate_limit\", \"method\": \"GET\", \"path\": \"^/videos$\", \"count\": 2, \"retry_after\": 1},"
                + " {\"fault\": \"unavailable\", \"method\": \"GET\", \"path\": \"^/videos/video_\", \"count\": 1},"
                + " {\"fault\": \"server_error\", \"method\": \"GET\", \"path\": \"^/files$\", \"count\": 1}]}");
        long start = System.nanoTime();
        assertFalse(videos.list(null, 10).videos().isEmpty());
        assertTrue(System.nanoTime() - start >= 2_000_000_000L, "two Retry-After: 1 were honoured");
        assertEquals(job.id(), videos.retrieve(job.id()).id());
        assertNotNull(files.list(null, null, 10).data(), "a 500 on a read is retried");
        JsonObject fired = get("emulator/v1/control/faults");
        assertEquals(2, fired.getJsonArray("rules").getJsonObject(0).getInt("fired"));
        assertEquals(1, fired.getJsonArray("rules").getJsonObject(1).getInt("fired"));
        assertEquals(1, fired.getJsonArray("rules").getJsonObject(2).getInt("fired"));
    }

    @Test
    void aCreateThatWasRefusedBeforeProcessingIsRetriedAndMadeOnce() throws Exception {
        String prompt = "A kettle boils over, run " + run + ".";
        plan("{\"rules\": [{\"fault\": \"rate_limit\", \"method\": \"POST\", \"path\": \"^/videos$\", \"count\": 1, \"retry_after\": 1}]}");
        VideoJob job = videos.create(new VideoRequest("sora-2", prompt, "1280x720", 4), run + "-kettle");
        assertNotNull(job.id());
        assertEquals(1, createdFor(prompt), "retried after the 429, created exactly once");
    }

    @Test
    void aCreateWhoseAnswerIsLostIsAmbiguousAndFoundAtTheProvider() throws Exception {
        String prompt = "A door slams in the wind, run " + run + ".";
        VideoRequest request = new VideoRequest("sora-2", prompt, "1280x720", 4);
        plan("{\"rules\": [{\"fault\": \"server_error\", \"phase\": \"after\", \"method\": \"POST\", \"path\": \"^/videos$\", \"count\": 1}]}");
        ProviderException e = assertThrows(ProviderException.class, () -> videos.create(request, run + "-door"));
        assertTrue(e.ambiguous(), e.describe());
        assertEquals(1, createdFor(prompt), "the client did not send it again");
        // What the ledger does next: look for it before sending anything.
        VideoJob found = videos.listAll(20).filter(request::matches).findFirst().orElseThrow();
        assertNotNull(found.id(), "the lost answer's generation is found at the provider, so nothing is sent again");
        assertEquals(1, createdFor(prompt));
    }

    @Test
    void aCreateThatTimesOutIsAmbiguous() throws Exception {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        http.close();
        http = new ProviderHttp(ProviderSettings.of(root + "emulator/v1").withTimeouts(5_000, 1_000).withRetries(4, 50, 3_000),
                ProviderLimiter.unlimited());
        videos = new VideoProvider(http);
        String prompt = "A clock strikes midnight, run " + run + ".";
        plan("{\"rules\": [{\"fault\": \"slow\", \"phase\": \"after\", \"method\": \"POST\", \"path\": \"^/videos$\", \"delay_ms\": 3000, \"count\": 1}]}");
        ProviderException e = assertThrows(ProviderException.class,
                () -> videos.create(new VideoRequest("sora-2", prompt, "1280x720", 4), run + "-clock"));
        assertTrue(e.ambiguous(), e.describe());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        Thread.sleep(2_500);
        assertEquals(1, createdFor(prompt));
    }

    // --- helpers ---

    private VideoJob awaitFinished(String videoId) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        VideoJob last = null;
        while (System.nanoTime() < deadline) {
            last = videos.retrieve(videoId);
            if (last.finished()) {
                return last;
            }
            DailiesClient.pause(200);
        }
        fail("video " + videoId + " did not finish in 120 s; last: " + last);
        return last;
    }

    private BatchJob awaitBatch(String batchId) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        BatchJob last = null;
        while (System.nanoTime() < deadline) {
            last = batches.retrieve(batchId);
            if (last.finished()) {
                return last;
            }
            DailiesClient.pause(250);
        }
        fail("batch " + batchId + " did not finish in 180 s; last: " + last);
        return last;
    }

    /** How many generations the emulator made for this prompt (its own counter, deleted ones included). */
    private long createdFor(String prompt) throws Exception {
        JsonObject perPrompt = get("emulator/v1/control/counters").getJsonObject("created_per_prompt");
        String key = sha256(prompt.getBytes(StandardCharsets.UTF_8));
        return perPrompt.containsKey(key) ? perPrompt.getJsonNumber(key).longValue() : 0;
    }

    private void plan(String json) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("emulator/v1/control/faults")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(200, r.statusCode(), r.body());
    }

    private void clearFaults() throws Exception {
        send(HttpRequest.newBuilder(uri("emulator/v1/control/faults")).DELETE());
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
        assertEquals(200, r.statusCode(), r.body());
        return jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject();
    }

    private URI uri(String path) {
        return URI.create((base.toString().endsWith("/") ? base.toString() : base + "/") + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        request.header("Authorization", DailiesClient.basic(DailiesClient.ADMIN_USER, DailiesClient.ADMIN_PASSWORD));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
    }

    private static boolean isWebp(byte[] b) {
        return b.length > 12 && new String(b, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
    }
}
