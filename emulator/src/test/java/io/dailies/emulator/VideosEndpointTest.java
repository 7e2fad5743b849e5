package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.emulator.media.Defect;
import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The videos endpoint as the official SDKs use it, without a server: content downloads whatever the
 * Accept header (through RESTEasy's in-memory dispatcher), multipart creates as the SDKs encode them,
 * and the Idempotency-Key switch.
 */
class VideosEndpointTest {

    @TempDir
    Path dir;

    private FakeEmulator emulator;
    private VideosEndpoint endpoint;

    /** Generations kept in memory instead of the database. */
    static final class FakeEmulator extends Emulator {
        final Map<String, EmulatedVideo> videos = new LinkedHashMap<>();
        final Defects rules = new Defects();
        long queuedMillis;

        @Override
        public EmulatedVideo create(String model, String prompt, String size, String seconds, String idempotencyKey,
                                    EmulatedVideo.Origin origin, Faults.GenerationFault fault) {
            if (idempotencyKey != null && byIdempotencyKey(idempotencyKey).isPresent()) {
                return byIdempotencyKey(idempotencyKey).get();
            }
            EmulatedVideo v = new EmulatedVideo("video_" + (videos.size() + 1), model, prompt, size, seconds,
                    System.currentTimeMillis(), queuedMillis, 0, idempotencyKey);
            v.madeFrom(origin);
            v.bake(rules.forGeneration(model, prompt));
            applyFault(v, fault);
            videos.put(v.getId(), v);
            return v;
        }

        @Override
        public Optional<EmulatedVideo> byIdempotencyKey(String key) {
            return videos.values().stream().filter(v -> key.equals(v.getIdempotencyKey())).findFirst();
        }

        @Override
        public Optional<EmulatedVideo> find(String id) {
            return Optional.ofNullable(videos.get(id));
        }

        @Override
        public List<EmulatedVideo> page(String order, String after, int limit) {
            List<EmulatedVideo> newestFirst = new ArrayList<>(videos.values());
            Collections.reverse(newestFirst);
            return ListPage.after(newestFirst, order, after, limit, EmulatedVideo::getId);
        }

        @Override
        public long createdCount() {
            return videos.size();
        }
    }

    /** Renders nothing by itself: a test puts the files where it wants them. */
    static final class FakeRenders extends RenderQueue {
        final Path dir;

        FakeRenders(Path dir) {
            this.dir = dir;
        }

        @Override
        public Path file(String videoId) {
            return dir.resolve(videoId + ".mp4");
        }

        @Override
        public boolean rendered(String videoId) {
            return Files.exists(file(videoId));
        }

        @Override
        public void ensure(EmulatedVideo video) {
        }
    }

    /** A form part as a JAX-RS implementation hands it to the endpoint. */
    record Part(String name, String fileName, byte[] bytes) implements EntityPart {
        static Part text(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Optional<String> getFileName() {
            return Optional.ofNullable(fileName);
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getContent(Class<T> type) {
            if (type != String.class) {
                throw new IllegalArgumentException(type.getName());
            }
            return (T) new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public <T> T getContent(GenericType<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, String> getHeaders() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MediaType getMediaType() {
            return fileName == null ? MediaType.TEXT_PLAIN_TYPE : MediaType.APPLICATION_OCTET_STREAM_TYPE;
        }
    }

    @BeforeEach
    void setUp() {
        emulator = new FakeEmulator();
        endpoint = new VideosEndpoint();
        endpoint.emulator = emulator;
        endpoint.renders = new FakeRenders(dir);
        endpoint.faults = new Faults();
        endpoint.faults.counters = new RequestCounters();
        endpoint.idempotencyKeys = IdempotencyKeysTest.keys("ignore");
    }

    private Dispatcher dispatcher() {
        Dispatcher d = MockDispatcherFactory.createDispatcher();
        d.getRegistry().addSingletonResource(endpoint);
        d.getProviderFactory().registerProviderInstance(new EmulatorErrors());
        return d;
    }

    private MockHttpResponse get(String uri, String accept) throws Exception {
        MockHttpRequest request = MockHttpRequest.get(uri);
        if (accept != null) {
            request.accept(accept);
        }
        MockHttpResponse response = new MockHttpResponse();
        dispatcher().invoke(request, response);
        return response;
    }

    private static String type(MockHttpResponse r) {
        Object t = r.getOutputHeaders().getFirst("Content-Type");
        if (t == null) {
            return null;
        }
        MediaType m = MediaType.valueOf(t.toString());
        return m.getType() + "/" + m.getSubtype();
    }

    private static JsonObject error(MockHttpResponse r) throws Exception {
        return Json.createReader(new StringReader(r.getContentAsString())).readObject().getJsonObject("error");
    }

    private String completedVideo() throws Exception {
        EmulatedVideo v = emulator.create("sora-2", "A kite.", "720x1280", "4", null, EmulatedVideo.Origin.PROMPT, null);
        TakeRenderer.render(RenderSpec.of(64, 64, 0.5, List.of(0xFFBF00), 1), endpoint.renders.file(v.getId()));
        return v.getId();
    }

    @Test
    void contentIsServedWhateverTheAcceptHeaderSays() throws Exception {
        String id = completedVideo();
        // The Node SDK's downloadContent sends "Accept: application/binary"; others send */* or nothing.
        for (String accept : Arrays.asList("application/binary", "*/*", null, "video/mp4")) {
            MockHttpResponse video = get("/videos/" + id + "/content", accept);
            assertEquals(200, video.getStatus(), "Accept " + accept);
            assertEquals("video/mp4", type(video), "Accept " + accept);
            assertEquals("ftyp", new String(video.getOutput(), 4, 4, StandardCharsets.US_ASCII));
        }
        for (String variant : List.of("thumbnail", "spritesheet")) {
            for (String accept : Arrays.asList("application/binary", "*/*", null)) {
                MockHttpResponse still = get("/videos/" + id + "/content?variant=" + variant, accept);
                assertEquals(200, still.getStatus(), variant + ", Accept " + accept);
                assertEquals("image/jpeg", type(still));
                assertEquals(0xFF, still.getOutput()[0] & 0xFF);
                assertEquals(0xD8, still.getOutput()[1] & 0xFF);
            }
        }
    }

    @Test
    void contentErrorsAreJsonWhateverTheAcceptHeaderSays() throws Exception {
        MockHttpResponse missing = get("/videos/video_none/content", "application/binary");
        assertEquals(404, missing.getStatus());
        assertEquals("application/json", type(missing));
        assertEquals("not_found", error(missing).getString("code"));

        String id = completedVideo();
        MockHttpResponse badVariant = get("/videos/" + id + "/content?variant=poster", "application/binary");
        assertEquals(400, badVariant.getStatus());
        assertEquals("variant", error(badVariant).getString("param"));

        emulator.queuedMillis = 60_000;
        String queued = emulator.create("sora-2", "A boat.", "720x1280", "4", null, EmulatedVideo.Origin.PROMPT, null).getId();
        MockHttpResponse notReady = get("/videos/" + queued + "/content", "application/binary");
        assertEquals(409, notReady.getStatus());
        assertEquals("video_not_ready", error(notReady).getString("code"));
    }

    @Test
    void theJsonEndpointsStillAnswerJson() throws Exception {
        String id = completedVideo();
        MockHttpResponse one = get("/videos/" + id, "application/json");
        assertEquals(200, one.getStatus());
        assertEquals("application/json", type(one));
        MockHttpResponse list = get("/videos?limit=2&order=asc", null);
        assertEquals(200, list.getStatus());
        JsonObject page = Json.createReader(new StringReader(list.getContentAsString())).readObject();
        assertEquals(id, page.getString("first_id"));
        assertEquals(List.of(), new ReferenceSchema().violations("VideoListResource", page));
    }

    @Test
    void anEmptyListNamesNoFirstOrLastIdButHasThem() {
        JsonObject page = Json.createReader(new StringReader(endpoint.list(20, null, "desc"))).readObject();
        assertTrue(page.isNull("first_id") && page.isNull("last_id"));
        assertEquals(List.of(), new ReferenceSchema().violations("VideoListResource", page));
    }

    private static JsonObject json(Response r) {
        return Json.createReader(new StringReader((String) r.getEntity())).readObject();
    }

    @Test
    void aMultipartCreateAsTheSdksEncodeIt() {
        Response r = endpoint.createMultipart(List.of(Part.text("prompt", "A kite over dunes."), Part.text("model", "sora-2-pro"),
                Part.text("seconds", "8"), Part.text("size", "1280x720"),
                new Part("input_reference", "ref.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1})), null);
        JsonObject video = json(r);
        assertEquals("sora-2-pro", video.getString("model"));
        assertEquals("8", video.getString("seconds"));
        assertEquals("1280x720", video.getString("size"));
        assertEquals(List.of(), new ReferenceSchema().violations("VideoResource", video));

        // The reference object, as the SDK flattens it: input_reference[image_url] or input_reference[file_id].
        json(endpoint.createMultipart(List.of(Part.text("prompt", "A kite."),
                Part.text("input_reference[image_url]", "https://example.invalid/ref.png")), null));
        json(endpoint.createMultipart(List.of(Part.text("prompt", "A kite."),
                Part.text("input_reference", "{\"file_id\":\"file-1\"}")), null));
        assertEquals("input_reference", param(() -> endpoint.createMultipart(List.of(Part.text("prompt", "A kite."),
                Part.text("input_reference[image_url]", "https://example.invalid/a.png"),
                Part.text("input_reference[file_id]", "file-1")), null)));
        assertEquals("input_reference", param(() -> endpoint.createMultipart(List.of(Part.text("prompt", "A kite."),
                new Part("input_reference", "ref.jpg", new byte[0])), null)));
        assertEquals("seconds", param(() -> endpoint.createMultipart(List.of(Part.text("prompt", "A kite."),
                Part.text("seconds", "5")), null)));
        assertEquals(3, emulator.videos.size());
    }

    @Test
    void byDefaultEveryCreateIsANewGenerationWhateverItsIdempotencyKey() {
        String first = json(endpoint.create("{\"prompt\":\"A kite.\"}", "take-1")).getString("id");
        String second = json(endpoint.create("{\"prompt\":\"A kite.\"}", "take-1")).getString("id");
        String third = json(endpoint.createMultipart(List.of(Part.text("prompt", "A kite.")), "take-1")).getString("id");
        assertNotEquals(first, second);
        assertNotEquals(second, third);
        assertEquals(3, emulator.createdCount(), "three paid generations");
        assertTrue(emulator.videos.values().stream().allMatch(v -> v.getIdempotencyKey() == null), "no key is kept");
    }

    @Test
    void withKeysHonouredTheSameKeyGetsTheSameGenerationBack() {
        endpoint.idempotencyKeys = IdempotencyKeysTest.keys("honour");
        String first = json(endpoint.create("{\"prompt\":\"A kite.\"}", "take-1")).getString("id");
        String again = json(endpoint.createMultipart(List.of(Part.text("prompt", "A kite.")), "take-1")).getString("id");
        String other = json(endpoint.create("{\"prompt\":\"A kite.\"}", "take-2")).getString("id");
        String none = json(endpoint.create("{\"prompt\":\"A kite.\"}", null)).getString("id");
        assertEquals(first, again);
        assertNotEquals(first, other);
        assertNotEquals(other, none);
        assertEquals(3, emulator.createdCount());
    }

    @Test
    void aPromptMarkerIsRecordedAndAnUnknownDefectRefused() {
        String id = json(endpoint.create("{\"prompt\":\"A kite. [[defect: black_frames, quiet]]\"}", null)).getString("id");
        assertEquals(EnumSet.of(Defect.BLACK_FRAMES, Defect.QUIET), emulator.videos.get(id).defects());
        assertEquals(Set.of(Defect.BLACK_FRAMES, Defect.QUIET), RenderQueue.specFor(emulator.videos.get(id)).defects());
        assertEquals("prompt", param(() -> endpoint.create("{\"prompt\":\"A kite. [[defect: wobble]]\"}", null)));
        assertEquals(1, emulator.videos.size(), "a refused create is not a generation");
    }

    @Test
    void controlRulesApplyToCreatesAndTheirRenders() {
        emulator.rules.replace(DefectPlan.parse("{\"rules\":[{\"prompt_contains\":\"SC1-02\",\"defects\":[\"frozen_frames\"]}]}"));
        String hit = json(endpoint.create("{\"prompt\":\"SC1-02: a kite.\"}", null)).getString("id");
        String miss = json(endpoint.create("{\"prompt\":\"SC1-03: a kite.\"}", null)).getString("id");
        assertEquals(Set.of(Defect.FROZEN_FRAMES), RenderQueue.specFor(emulator.videos.get(hit)).defects());
        assertEquals(Set.of(), RenderQueue.specFor(emulator.videos.get(miss)).defects());
    }

    @Test
    void aStuckGenerationIsPaidForAndStaysInProgressForEver() throws Exception {
        endpoint.faults.replace(FaultPlan.parse("{\"rules\": [{\"fault\": \"stuck\", \"prompt\": \"SC2-\", \"count\": 1}]}"));
        String stuck = json(endpoint.create("{\"prompt\":\"SC2-01: a kite.\"}", null)).getString("id");
        String other = json(endpoint.createMultipart(List.of(Part.text("prompt", "SC2-02: a kite.")), null)).getString("id");
        assertEquals(2, emulator.createdCount(), "both are paid generations");
        assertEquals(1, endpoint.faults.describe().getJsonArray("rules").getJsonObject(0).getInt("fired"));
        assertTrue(emulator.videos.get(stuck).isStuck());
        assertFalse(emulator.videos.get(other).isStuck(), "count 1: only the first matching generation");

        // Its render time (0 here) is long over, and even a file in place does not finish it.
        TakeRenderer.render(RenderSpec.of(64, 64, 0.5, List.of(0xFFBF00), 1), endpoint.renders.file(stuck));
        for (int poll = 0; poll < 2; poll++) {
            JsonObject v = Json.createReader(new StringReader(endpoint.retrieve(stuck))).readObject();
            assertEquals("in_progress", v.getString("status"));
            assertEquals(FaultPlan.DEFAULT_STUCK_PROGRESS, v.getInt("progress"));
            assertTrue(v.isNull("completed_at") && v.isNull("error"));
            assertEquals(List.of(), new ReferenceSchema().violations("VideoResource", v));
            // A new plan (or a restart, which forgets a plan set over HTTP) does not release it: the video keeps it.
            endpoint.faults.clear();
        }
        JsonObject listed = Json.createReader(new StringReader(endpoint.list(20, null, "desc"))).readObject()
                .getJsonArray("data").stream().map(j -> j.asJsonObject()).filter(j -> j.getString("id").equals(stuck))
                .findFirst().orElseThrow();
        assertEquals("in_progress", listed.getString("status"));
        assertEquals(FaultPlan.DEFAULT_STUCK_PROGRESS, listed.getInt("progress"));

        MockHttpResponse content = get("/videos/" + stuck + "/content", "application/binary");
        assertEquals(409, content.getStatus(), "like any unfinished video");
        assertEquals("video_not_ready", error(content).getString("code"));
        WebApplicationException remix = assertThrows(WebApplicationException.class,
                () -> endpoint.remix(stuck, "{\"prompt\":\"Again.\"}", null));
        assertEquals(400, remix.getResponse().getStatus());
    }

    private static String param(Runnable call) {
        WebApplicationException e = assertThrows(WebApplicationException.class, call::run);
        assertEquals(400, e.getResponse().getStatus());
        return Json.createReader(new StringReader((String) e.getResponse().getEntity())).readObject()
                .getJsonObject("error").getString("param");
    }
}
