package io.dailies.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.ProviderException.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchLinesTest {

    private static final String VIDEO = "{\"id\":\"video_%s\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"completed\","
            + "\"progress\":100,\"created_at\":1712697600,\"completed_at\":1712697700,\"expires_at\":1712701300,"
            + "\"prompt\":\"p\",\"size\":\"1280x720\",\"seconds\":\"4\",\"remixed_from_video_id\":null,\"error\":null}";

    private static String ok(String customId, String videoId) {
        return "{\"id\":\"batch_req_" + videoId + "\",\"custom_id\":\"" + customId + "\",\"response\":{\"status_code\":200,"
                + "\"request_id\":\"req_" + videoId + "\",\"body\":" + VIDEO.formatted(videoId) + "},\"error\":null}";
    }

    @Test
    void anInputLineIsAPostOfTheBodyToTheUrl() {
        VideoRequest video = new VideoRequest("sora-2", "A queen lifts a goblet.", "1280x720", 4).withReferenceImageUrl("https://img/q.png");
        JsonObject line = Json.createReader(new StringReader(BatchLines.request("shot-12-take-3", video))).readObject();
        assertEquals("shot-12-take-3", line.getString("custom_id"));
        assertEquals("POST", line.getString("method"));
        assertEquals("/v1/videos", line.getString("url"));
        assertEquals(video.toJson(), line.getJsonObject("body"));
        assertFalse(BatchLines.request("a", video).contains("\n"), "one line");
    }

    @Test
    void anInputFileIsOneLinePerRequestWithUniqueCustomIds() {
        VideoRequest v = new VideoRequest("sora-2", "p", "1280x720", 4);
        String file = new String(BatchLines.file(List.of(BatchLines.request("a", v), BatchLines.request("b", v))), StandardCharsets.UTF_8);
        assertEquals(2, file.split("\n").length);
        assertTrue(file.endsWith("\n"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> BatchLines.file(List.of(BatchLines.request("a", v), BatchLines.request("a", v))));
        assertTrue(twice.getMessage().contains("'a' is used twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchLines.request(" ", v));
    }

    @Test
    void resultsAreMatchedByCustomIdInAnyOrderAndBlankLinesAreSkipped() {
        String output = "\n" + ok("take-3", "c") + "\r\n\r\n" + ok("take-1", "a") + "\n   \n";
        String errors = "{\"id\":\"batch_req_x\",\"custom_id\":\"take-2\",\"response\":null,"
                + "\"error\":{\"code\":\"invalid_value\",\"message\":\"Invalid value for 'size': '1920x1080'\",\"param\":\"size\"}}\n";
        List<BatchResult> parsed = BatchLines.parse(output);
        assertEquals(List.of("take-3", "take-1"), parsed.stream().map(BatchResult::customId).toList(), "the file's order, not the input's");

        Map<String, BatchResult> byId = BatchLines.byCustomId(output, errors);
        assertEquals(3, byId.size());
        BatchResult first = byId.get("take-1");
        assertTrue(first.ok());
        assertEquals(200, first.statusCode());
        assertEquals("video_a", first.video().id());
        assertTrue(first.video().completed());
        assertNull(first.failure());

        BatchResult refused = byId.get("take-2");
        assertFalse(refused.ok());
        assertEquals(0, refused.statusCode());
        assertNull(refused.body());
        assertEquals("invalid_value", refused.errorCode());
        assertEquals("size", refused.errorParam());
        ProviderException why = refused.failure();
        assertEquals(Kind.INVALID_PARAMETER, why.kind());
        assertEquals("Invalid parameter 'size': Invalid value for 'size': '1920x1080'", why.describe());
        assertThrows(IllegalStateException.class, refused::video);
    }

    @Test
    void anErrorStatusInTheResponseCarriesTheEnvelopeOfItsBody() {
        String line = "{\"id\":\"r\",\"custom_id\":\"t\",\"response\":{\"status_code\":400,\"request_id\":\"q\",\"body\":"
                + "{\"error\":{\"message\":\"Your request was blocked by moderation\",\"type\":\"invalid_request_error\","
                + "\"param\":\"prompt\",\"code\":\"moderation_blocked\"}}},\"error\":null}";
        BatchResult r = BatchLines.parse(line).get(0);
        assertFalse(r.ok());
        assertEquals(400, r.statusCode());
        assertEquals("moderation_blocked", r.errorCode());
        assertEquals("prompt", r.errorParam());
        assertEquals(Kind.CONTENT_POLICY, r.failure().kind());
    }

    @Test
    void expiredAndCancelledRequestsCanBeSentAgain() {
        String expired = "{\"id\":\"r\",\"custom_id\":\"t\",\"response\":null,\"error\":{\"code\":\"batch_expired\",\"message\":\"not done in 24h\"}}";
        String cancelled = "{\"id\":\"r\",\"custom_id\":\"u\",\"response\":null,\"error\":{\"code\":\"batch_cancelled\",\"message\":\"cancelled\"}}";
        String failed = "{\"id\":\"r\",\"custom_id\":\"v\",\"response\":null,\"error\":{\"code\":\"generation_failed\",\"message\":\"it broke\"}}";
        Map<String, BatchResult> r = BatchLines.byCustomId(expired + "\n" + cancelled + "\n" + failed);
        assertEquals(Kind.UNAVAILABLE, r.get("t").failure().kind());
        assertTrue(r.get("t").failure().kind().retryable());
        assertEquals(Kind.UNAVAILABLE, r.get("u").failure().kind());
        assertEquals(Kind.GENERATION_FAILED, r.get("v").failure().kind());
    }

    @Test
    void aSuccessWinsOverAFailureOfTheSameRequest() {
        String failed = "{\"id\":\"r\",\"custom_id\":\"take-1\",\"response\":null,\"error\":{\"code\":\"server_error\",\"message\":\"lost\"}}";
        assertTrue(BatchLines.byCustomId(failed, ok("take-1", "a")).get("take-1").ok());
        assertTrue(BatchLines.byCustomId(ok("take-1", "a"), failed).get("take-1").ok());
    }

    @Test
    void aBrokenLineIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchLines.parse(ok("a", "a") + "\n{\"custom_id\": \"b\", \"respo"));
        assertTrue(e.getMessage().startsWith("Line 2 of the batch file is not a JSON object"), e.getMessage());
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class, () -> BatchLines.parse("{\"response\":null}"));
        assertTrue(noId.getMessage().contains("Line 1"), noId.getMessage());
        assertTrue(BatchLines.parse("").isEmpty());
        assertEquals(1, BatchLines.parse("\uFEFF" + ok("a", "a")).size(), "a byte order mark is not a broken line");
    }
}
