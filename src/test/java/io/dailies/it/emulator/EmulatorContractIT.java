package io.dailies.it.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.emulator.ReferenceSchema;
import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The emulator speaks the reference protocol: JSON shapes, status values, error envelope, real MP4 content. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmulatorContractIT {

    private static final ReferenceSchema REFERENCE = new ReferenceSchema();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void videoMovesFromQueuedToCompletedInTheReferenceShapeAndServesARealMp4() throws Exception {
        DailiesClient api = new DailiesClient(base);
        String prompt = "A lighthouse keeper climbs four steps and lights the lamp in the final second.\n"
                + "Lighting + palette: warm lamp from the left. Palette anchors: amber, navy, cream.";
        JsonObject created = api.postJson("emulator/v1/videos", Json.createObjectBuilder()
                .add("model", "sora-2").add("prompt", prompt).add("size", "1280x720").add("seconds", "4").build().toString()).json();
        assertConforms("VideoResource", created);
        assertTrue(Set.of("queued", "in_progress").contains(created.getString("status")), created.toString());
        assertTrue(created.isNull("completed_at"));
        assertEquals(prompt, created.getString("prompt"));

        String id = created.getString("id");
        JsonObject done = api.awaitStatus("emulator/v1/videos/" + id, Set.of("completed", "failed"), Duration.ofSeconds(60));
        assertConforms("VideoResource", done);
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(100, done.getInt("progress"));
        assertFalse(done.isNull("completed_at"));
        assertEquals("1280x720", done.getString("size"));
        assertEquals("4", done.getString("seconds"));

        DailiesClient.Answer content = api.get("emulator/v1/videos/" + id + "/content");
        assertEquals(200, content.status());
        assertEquals("video/mp4", content.contentType());
        assertEquals("ftyp", new String(content.bytes(), 4, 4, StandardCharsets.US_ASCII), "an ISO BMFF (MP4) file");
        Path mp4 = Files.createTempFile("emulated", ".mp4");
        Files.write(mp4, content.bytes());
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            assertEquals(1280, grabber.getImageWidth());
            assertEquals(720, grabber.getImageHeight());
            assertEquals(4.0, grabber.getLengthInTime() / 1_000_000.0, 0.1);
            assertEquals("h264", grabber.getVideoCodecName());
            assertTrue(grabber.getAudioChannels() > 0, "the take has sound");
            grabber.stop();
        } finally {
            Files.deleteIfExists(mp4);
        }
        DailiesClient.Answer thumbnail = api.get("emulator/v1/videos/" + id + "/content?variant=thumbnail");
        assertEquals(200, thumbnail.status());
        assertEquals("image/jpeg", thumbnail.contentType());
        assertEquals((byte) 0xFF, thumbnail.bytes()[0]);
        assertEquals((byte) 0xD8, thumbnail.bytes()[1]);

        JsonObject list = api.get("emulator/v1/videos?limit=2").json();
        assertConforms("VideoListResource", list);
        assertEquals(id, list.getJsonArray("data").getJsonObject(0).getString("id"));
    }

    @Test
    void multipartCreateIsAcceptedLikeJson() {
        DailiesClient api = new DailiesClient(base);
        JsonObject created = api.postMultipart("emulator/v1/videos", "input_reference", "ref.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2},
                "model", "sora-2-pro", "prompt", "A paper boat drifts down a gutter.", "size", "1792x1024", "seconds", "8").json();
        assertConforms("VideoResource", created);
        assertEquals("sora-2-pro", created.getString("model"));
        assertEquals("1792x1024", created.getString("size"));
        assertEquals("8", created.getString("seconds"));
    }

    @Test
    void invalidParametersAnswerWithTheErrorEnvelopeNamingTheParameter() {
        DailiesClient api = new DailiesClient(base);
        DailiesClient.Answer badSeconds = api.postJson("emulator/v1/videos", "{\"prompt\":\"x\",\"seconds\":\"5\"}");
        assertEquals(400, badSeconds.status());
        JsonObject error = badSeconds.json().getJsonObject("error");
        assertEquals("seconds", error.getString("param"));
        assertEquals("invalid_request_error", error.getString("type"));
        assertTrue(error.getString("message").contains("5"));
        assertFalse(error.isNull("code"));

        DailiesClient.Answer badSize = api.postJson("emulator/v1/videos", "{\"prompt\":\"x\",\"model\":\"sora-2\",\"size\":\"1920x1080\"}");
        assertEquals(400, badSize.status());
        assertEquals("size", badSize.json().getJsonObject("error").getString("param"));

        DailiesClient.Answer noPrompt = api.postJson("emulator/v1/videos", "{\"model\":\"sora-2\"}");
        assertEquals("prompt", noPrompt.json().getJsonObject("error").getString("param"));

        DailiesClient.Answer missing = api.get("emulator/v1/videos/video_doesnotexist");
        assertEquals(404, missing.status());
        assertTrue(missing.json().getJsonObject("error").getString("message").contains("video_doesnotexist"));
    }

    private static void assertConforms(String schema, JsonObject json) {
        List<String> violations = REFERENCE.violations(schema, json);
        assertTrue(violations.isEmpty(), schema + " violations: " + violations + " in " + json);
    }
}
