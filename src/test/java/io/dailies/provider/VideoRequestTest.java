package io.dailies.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoRequestTest {

    private final VideoRequest plain = new VideoRequest("sora-2", "A lighthouse keeper lights the lamp.", "1280x720", 8);

    @Test
    void aPlainRequestIsTheReferenceJsonBodyAndHashesAsItAlwaysHas() throws Exception {
        assertEquals("{\"model\":\"sora-2\",\"prompt\":\"A lighthouse keeper lights the lamp.\",\"size\":\"1280x720\",\"seconds\":\"8\"}",
                plain.toJson().toString());
        // The ledger holds hashes made before references existed: they must still match.
        String before = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("sora-2\n1280x720\n8\nA lighthouse keeper lights the lamp.".getBytes(StandardCharsets.UTF_8)));
        assertEquals(before, plain.hash());
    }

    @Test
    void aReferenceAndCharactersTravelInTheJsonAndChangeTheHash() {
        VideoRequest byFile = plain.withReferenceFile("file-abc");
        assertEquals(Json.createObjectBuilder().add("file_id", "file-abc").build(), byFile.toJson().getJsonObject("input_reference"));
        VideoRequest byUrl = plain.withReferenceImageUrl("https://img.example/keeper.png");
        assertEquals("https://img.example/keeper.png", byUrl.toJson().getJsonObject("input_reference").getString("image_url"));
        VideoRequest cast = plain.withCharacters(List.of("char_2", "char_1"));
        assertEquals("char_2", cast.toJson().getJsonArray("characters").getJsonObject(0).getString("id"));
        assertFalse(plain.toJson().containsKey("input_reference"));
        assertFalse(plain.toJson().containsKey("characters"));

        assertNotEquals(plain.hash(), byFile.hash());
        assertNotEquals(plain.hash(), byUrl.hash());
        assertNotEquals(byFile.hash(), plain.withReferenceImageUrl("file-abc").hash(), "a file id is not a URL");
        assertNotEquals(plain.hash(), cast.hash());
        assertEquals(cast.hash(), plain.withCharacters(List.of("char_1", "char_2")).hash(), "the order of characters does not matter");
        assertEquals(plain.hash(), plain.withCharacters(List.of()).hash());
    }

    @Test
    void aRequestNamesOneReferenceAtMost() {
        assertThrows(IllegalArgumentException.class,
                () -> new VideoRequest("sora-2", "p", "1280x720", 4, "file-1", "https://x/y.png", List.of()));
        VideoRequest swapped = plain.withReferenceFile("file-1").withReferenceImageUrl("https://x/y.png");
        assertEquals(null, swapped.referenceFileId());
        assertTrue(swapped.hasReference());
    }

    @Test
    void matchesWhatTheProviderReportsAndIgnoresWhatItDoesNot() {
        assertTrue(plain.matches(video("{}")));
        assertFalse(plain.matches(video("{\"prompt\":\"Another shot.\"}")));
        assertFalse(plain.matches(video("{\"size\":\"720x1280\"}")));
        assertFalse(plain.matches(video("{\"seconds\":\"4\"}")));

        VideoRequest byFile = plain.withReferenceFile("file-abc");
        assertTrue(byFile.matches(video("{}")), "the reference VideoResource does not echo the reference");
        assertTrue(byFile.matches(video("{\"input_reference\":{\"file_id\":\"file-abc\"}}")));
        assertFalse(byFile.matches(video("{\"input_reference\":{\"file_id\":\"file-other\"}}")));
        assertFalse(plain.matches(video("{\"input_reference\":{\"file_id\":\"file-abc\"}}")), "a video with a reference is not the plain take");

        VideoRequest cast = plain.withCharacters(List.of("char_1", "char_2"));
        assertTrue(cast.matches(video("{\"characters\":[{\"id\":\"char_2\"},{\"id\":\"char_1\"}]}")));
        assertFalse(cast.matches(video("{\"characters\":[{\"id\":\"char_1\"}]}")));
        assertFalse(plain.matches(video("{\"characters\":[{\"id\":\"char_1\"}]}")));
    }

    private VideoJob video(String overrides) {
        JsonObject base = Json.createObjectBuilder()
                .add("id", "video_1").add("object", "video").add("model", "sora-2").add("status", "completed").add("progress", 100)
                .add("created_at", 1).add("prompt", plain.prompt()).add("size", "1280x720").add("seconds", "8").build();
        JsonObject extra = Json.createReader(new java.io.StringReader(overrides)).readObject();
        var b = Json.createObjectBuilder(base);
        extra.forEach(b::add);
        return VideoJob.from(b.build());
    }
}
