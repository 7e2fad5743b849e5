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
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generations made from other videos — remix, extension, edit — and characters, in the reference's
 * shapes, with media that show what each one is: a remix keeps the source's look, an extension starts
 * with the source's frames and lasts source + extension.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VideoVariantsIT {

    private static final ReferenceSchema REFERENCE = new ReferenceSchema();
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(120);
    private static final String SOURCE_PROMPT = "A lighthouse keeper climbs four steps and lights the lamp in the final second.\n"
            + "Palette anchors: amber, navy, cream.";

    /** One completed source shared by the tests (rendering is the slow part). */
    private static String sourceId;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    private synchronized String completedSource(DailiesClient api) {
        if (sourceId == null) {
            JsonObject created = api.postJson("emulator/v1/videos", Json.createObjectBuilder().add("model", "sora-2")
                    .add("prompt", SOURCE_PROMPT).add("size", "1280x720").add("seconds", "4").build().toString()).json();
            JsonObject done = awaitDone(api, created.getString("id"));
            assertEquals("completed", done.getString("status"), done.toString());
            sourceId = done.getString("id");
        }
        return sourceId;
    }

    @Test
    void aRemixIsANewGenerationWithTheSourcesModelSizeLengthAndLook() throws Exception {
        DailiesClient api = new DailiesClient(base);
        String source = completedSource(api);
        DailiesClient.Answer answer = api.postJson("emulator/v1/videos/" + source + "/remix",
                "{\"prompt\":\"Same shot; the keeper pauses on the third step.\"}");
        assertEquals(200, answer.status(), answer.body());
        JsonObject remix = answer.json();
        assertConforms("VideoResource", remix);
        assertFalse(remix.getString("id").equals(source));
        assertEquals(source, remix.getString("remixed_from_video_id"));
        assertEquals("sora-2", remix.getString("model"));
        assertEquals("1280x720", remix.getString("size"));
        assertEquals("4", remix.getString("seconds"));
        assertEquals("Same shot; the keeper pauses on the third step.", remix.getString("prompt"));

        JsonObject done = awaitDone(api, remix.getString("id"));
        assertConforms("VideoResource", done);
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(source, done.getString("remixed_from_video_id"));

        double[] sourceColour = meanColour(decode(download(api, source)));
        double[] remixColour = meanColour(decode(download(api, remix.getString("id"))));
        assertTrue(distance(sourceColour, remixColour) < 3, "the remix keeps the source's palette: "
                + distance(sourceColour, remixColour));

        // A remix naming its own palette anchors changes the look.
        JsonObject repainted = api.postJson("emulator/v1/videos/" + source + "/remix",
                "{\"prompt\":\"Same shot. Palette anchors: teal, sand, rust.\"}").json();
        awaitDone(api, repainted.getString("id"));
        double[] repaintedColour = meanColour(decode(download(api, repainted.getString("id"))));
        // How far the look moves depends on the random layout of the panels, so compare, rather than threshold:
        // the repainted take is much further from the source than the plain remix is.
        double moved = distance(sourceColour, repaintedColour);
        assertTrue(moved > 5 * Math.max(1, distance(sourceColour, remixColour)) && moved > 10,
                "a remix naming its own palette changes the look: moved " + moved);
    }

    @Test
    void onlyACompletedVideoCanBeRemixed() {
        DailiesClient api = new DailiesClient(base);
        JsonObject fresh = api.postJson("emulator/v1/videos", Json.createObjectBuilder()
                .add("prompt", "A kettle starts to steam.").add("size", "1280x720").add("seconds", "8").build().toString()).json();
        DailiesClient.Answer early = api.postJson("emulator/v1/videos/" + fresh.getString("id") + "/remix", "{\"prompt\":\"Same, at night.\"}");
        assertEquals(400, early.status(), early.body());
        JsonObject error = early.json().getJsonObject("error");
        assertEquals("invalid_request_error", error.getString("type"));
        assertEquals("video_id", error.getString("param"));
        assertTrue(error.getString("message").contains("completed"), error.toString());

        DailiesClient.Answer unknown = api.postJson("emulator/v1/videos/video_doesnotexist/remix", "{\"prompt\":\"x\"}");
        assertEquals(404, unknown.status());
        DailiesClient.Answer noPrompt = api.postJson("emulator/v1/videos/" + completedSource(api) + "/remix", "{}");
        assertEquals(400, noPrompt.status());
        assertEquals("prompt", noPrompt.json().getJsonObject("error").getString("param"));
    }

    @Test
    void anExtensionStitchesTheSourceAndTheNewSegment() throws Exception {
        DailiesClient api = new DailiesClient(base);
        String source = completedSource(api);
        DailiesClient.Answer answer = api.postJson("emulator/v1/videos/extensions", Json.createObjectBuilder()
                .add("video", Json.createObjectBuilder().add("id", source))
                .add("prompt", "The keeper looks out to sea as the beam starts to turn.")
                .add("seconds", "4").build().toString());
        assertEquals(200, answer.status(), answer.body());
        JsonObject extension = answer.json();
        assertConforms("VideoResource", extension);
        assertEquals("8", extension.getString("seconds"), "the stitched total: 4 s source + 4 s extension");
        assertEquals("1280x720", extension.getString("size"));
        assertTrue(extension.isNull("remixed_from_video_id"));

        JsonObject done = awaitDone(api, extension.getString("id"));
        assertEquals("completed", done.getString("status"), done.toString());
        Decoded src = decode(download(api, source));
        Decoded ext = decode(download(api, extension.getString("id")));
        assertEquals(8.0, ext.seconds(), 0.1);
        assertEquals(src.frames().size() + 96, ext.frames().size(), 1);
        for (int i = 0; i < 24; i++) {
            double same = psnr(src.frames().get(i), ext.frames().get(i));
            assertTrue(same > 35, "frame " + i + " is the source's: " + same + " dB");
            assertTrue(same > psnr(src.frames().get(i + 1), ext.frames().get(i)), "frame " + i + " is in step with the source");
        }

        DailiesClient.Answer noSeconds = api.postJson("emulator/v1/videos/extensions",
                "{\"video\":{\"id\":\"" + source + "\"},\"prompt\":\"More.\"}");
        assertEquals(400, noSeconds.status());
        assertEquals("seconds", noSeconds.json().getJsonObject("error").getString("param"));
        DailiesClient.Answer badSeconds = api.postMultipart("emulator/v1/videos/extensions", null, null, null,
                "video[id]", source, "prompt", "More.", "seconds", "5");
        assertEquals(400, badSeconds.status(), badSeconds.body());
        assertEquals("seconds", badSeconds.json().getJsonObject("error").getString("param"));
        DailiesClient.Answer unknown = api.postJson("emulator/v1/videos/extensions",
                "{\"video\":{\"id\":\"video_doesnotexist\"},\"prompt\":\"More.\",\"seconds\":\"4\"}");
        assertEquals(404, unknown.status());
        assertEquals("video", unknown.json().getJsonObject("error").getString("param"));
    }

    @Test
    void anEditReRendersTheSourceWithTheEditPromptFromAnIdOrAnUpload() throws Exception {
        DailiesClient api = new DailiesClient(base);
        String source = completedSource(api);
        DailiesClient.Answer answer = api.postJson("emulator/v1/videos/edits", Json.createObjectBuilder()
                .add("video", Json.createObjectBuilder().add("id", source))
                .add("prompt", "Remove the gull from the sky.").build().toString());
        assertEquals(200, answer.status(), answer.body());
        JsonObject edit = answer.json();
        assertConforms("VideoResource", edit);
        assertEquals("sora-2", edit.getString("model"));
        assertEquals("1280x720", edit.getString("size"));
        assertEquals("4", edit.getString("seconds"));
        assertEquals("Remove the gull from the sky.", edit.getString("prompt"));
        JsonObject done = awaitDone(api, edit.getString("id"));
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(4.0, decode(download(api, edit.getString("id"))).seconds(), 0.1);

        // The multipart form may carry the video itself.
        byte[] clip = download(api, source);
        DailiesClient.Answer uploaded = api.postMultipart("emulator/v1/videos/edits", "video", "take.mp4", clip,
                "prompt", "Warmer light on the keeper's face.");
        assertEquals(200, uploaded.status(), uploaded.body());
        assertConforms("VideoResource", uploaded.json());
        assertEquals("1280x720", uploaded.json().getString("size"));
        assertEquals("4", uploaded.json().getString("seconds"));
        assertEquals("completed", awaitDone(api, uploaded.json().getString("id")).getString("status"));

        DailiesClient.Answer notAVideo = api.postMultipart("emulator/v1/videos/edits", "video", "notes.mp4",
                "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8), "prompt", "x");
        assertEquals(400, notAVideo.status());
        assertEquals("video", notAVideo.json().getJsonObject("error").getString("param"));
    }

    @Test
    void charactersAreCreatedFromAClipRetrievedAndReferencedByGenerations() {
        DailiesClient api = new DailiesClient(base);
        byte[] clip = download(api, completedSource(api));
        DailiesClient.Answer created = api.postMultipart("emulator/v1/videos/characters", "video", "mira.mp4", clip,
                "name", "Detective Mira");
        assertEquals(200, created.status(), created.body());
        JsonObject character = created.json();
        assertConforms("VideoCharacterResource", character);
        assertTrue(character.getString("id").startsWith("char_"), character.toString());
        assertEquals("Detective Mira", character.getString("name"));

        DailiesClient.Answer fetched = api.get("emulator/v1/videos/characters/" + character.getString("id"));
        assertEquals(200, fetched.status(), fetched.body());
        assertConforms("VideoCharacterResource", fetched.json());
        assertEquals(character, fetched.json());
        assertEquals(404, api.get("emulator/v1/videos/characters/char_doesnotexist").status());

        DailiesClient.Answer noName = api.postMultipart("emulator/v1/videos/characters", "video", "x.mp4", clip);
        assertEquals(400, noName.status());
        assertEquals("name", noName.json().getJsonObject("error").getString("param"));
        DailiesClient.Answer noVideo = api.postMultipart("emulator/v1/videos/characters", null, null, null, "name", "Mira");
        assertEquals(400, noVideo.status());
        assertEquals("video", noVideo.json().getJsonObject("error").getString("param"));

        DailiesClient.Answer withCharacter = api.postJson("emulator/v1/videos", Json.createObjectBuilder()
                .add("prompt", "Detective Mira studies the map.")
                .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", character.getString("id"))))
                .build().toString());
        assertEquals(200, withCharacter.status(), withCharacter.body());
        assertConforms("VideoResource", withCharacter.json());

        DailiesClient.Answer unknown = api.postJson("emulator/v1/videos", Json.createObjectBuilder()
                .add("prompt", "Detective Mira studies the map.")
                .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "char_doesnotexist")))
                .build().toString());
        assertEquals(400, unknown.status(), unknown.body());
        JsonObject error = unknown.json().getJsonObject("error");
        assertEquals("characters", error.getString("param"));
        assertTrue(error.getString("message").contains("char_doesnotexist"), error.toString());

        DailiesClient.Answer unknownMultipart = api.postMultipart("emulator/v1/videos", null, null, null,
                "prompt", "Mira again.", "characters[0][id]", "char_doesnotexist");
        assertEquals(400, unknownMultipart.status(), unknownMultipart.body());
        assertEquals("characters", unknownMultipart.json().getJsonObject("error").getString("param"));
    }

    @Test
    void theLiteralPathsReachTheirOwnHandlersNotTheVideoIdTemplates() {
        DailiesClient api = new DailiesClient(base);
        // The extension and edit handlers answer (naming their 'video' parameter), not a video called "extensions".
        for (String path : List.of("emulator/v1/videos/extensions", "emulator/v1/videos/edits")) {
            DailiesClient.Answer a = api.postJson(path, "{\"prompt\":\"x\"}");
            assertEquals(400, a.status(), path + ": " + a.body());
            assertEquals("video", a.json().getJsonObject("error").getString("param"), path);
        }
        DailiesClient.Answer character = api.get("emulator/v1/videos/characters/char_nope");
        assertEquals(404, character.status());
        assertTrue(character.json().getJsonObject("error").getString("message").contains("character"), character.body());
        // No GET is defined on the literal paths; whatever the router answers, it is no video.
        for (String path : List.of("emulator/v1/videos/extensions", "emulator/v1/videos/edits", "emulator/v1/videos/characters")) {
            int status = api.get(path).status();
            assertTrue(status == 404 || status == 405, path + " answered " + status);
        }
    }

    // Helpers

    private static JsonObject awaitDone(DailiesClient api, String id) {
        return api.awaitStatus("emulator/v1/videos/" + id, Set.of("completed", "failed"), RENDER_TIMEOUT);
    }

    private static byte[] download(DailiesClient api, String id) {
        DailiesClient.Answer content = api.get("emulator/v1/videos/" + id + "/content");
        assertEquals(200, content.status(), content.body());
        assertEquals("video/mp4", content.contentType());
        return content.bytes();
    }

    private record Decoded(List<byte[]> frames, double seconds) {
    }

    private static Decoded decode(byte[] mp4) throws Exception {
        Path file = Files.createTempFile("variant", ".mp4");
        try {
            Files.write(file, mp4);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.start();
                int w = grabber.getImageWidth();
                int h = grabber.getImageHeight();
                List<byte[]> frames = new ArrayList<>();
                Frame f;
                while ((f = grabber.grabImage()) != null) {
                    byte[] pixels = new byte[w * h * 3];
                    ByteBuffer b = ((ByteBuffer) f.image[0]).duplicate();
                    for (int y = 0; y < h; y++) {
                        b.limit(y * f.imageStride + w * 3).position(y * f.imageStride);
                        b.get(pixels, y * w * 3, w * 3);
                    }
                    frames.add(pixels);
                }
                return new Decoded(frames, grabber.getLengthInTime() / 1e6);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double[] meanColour(Decoded d) {
        double[] sum = new double[3];
        long n = 0;
        for (byte[] f : d.frames()) {
            for (int i = 0; i < f.length; i += 3 * 13) { // every 13th pixel is plenty for a mean
                sum[2] += f[i] & 0xFF;
                sum[1] += f[i + 1] & 0xFF;
                sum[0] += f[i + 2] & 0xFF;
                n++;
            }
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    private static double psnr(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xFF) - (b[i] & 0xFF);
            sum += d * d;
        }
        double mse = sum / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static void assertConforms(String schema, JsonObject json) {
        List<String> violations = REFERENCE.violations(schema, json);
        assertTrue(violations.isEmpty(), schema + " violations: " + violations + " in " + json);
    }
}
