package io.dailies.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartTest {

    @TempDir
    Path dir;

    @Test
    void fieldsAndFilesAreFramedByTheBoundary() throws IOException {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, '\r', '\n', '-', '-', 0, 1, 2};
        Multipart body = new Multipart().field("prompt", "Die Königin hebt den Kelch.\nZweite Zeile").field("seconds", "8")
                .file("input_reference", Upload.of("ref.jpg", jpeg));
        assertTrue(body.contentType().startsWith("multipart/form-data; boundary=dailies-"), body.contentType());
        StubProvider.Request request = request(body);
        Map<String, StubProvider.Part> parts = request.parts();
        assertEquals(List.of("prompt", "seconds", "input_reference"), List.copyOf(parts.keySet()));
        assertEquals("Die Königin hebt den Kelch.\nZweite Zeile", parts.get("prompt").text());
        assertEquals("8", parts.get("seconds").text());
        assertEquals("ref.jpg", parts.get("input_reference").filename());
        assertEquals("image/jpeg", parts.get("input_reference").contentType());
        assertArrayEquals(jpeg, parts.get("input_reference").content());
    }

    @Test
    void eachOpeningIsAFreshCopyForARetry() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.jsonl"), "{\"custom_id\":\"a\"}\n");
        Multipart body = new Multipart().field("purpose", "batch").file("file", Upload.of(file));
        byte[] first;
        byte[] second;
        try (InputStream in = body.open()) {
            first = in.readAllBytes();
        }
        try (InputStream in = body.open()) {
            second = in.readAllBytes();
        }
        assertArrayEquals(first, second);
        assertEquals("application/jsonl", request(body).parts().get("file").contentType());
    }

    @Test
    void quotesAndLineBreaksInNamesCannotBreakTheHeader() {
        assertEquals("my%22clip%22%0D%0A.mp4", Multipart.escape("my\"clip\"\r\n.mp4"));
        StubProvider.Request request = request(new Multipart().file("video", Upload.of("my\"clip\".mp4", new byte[] {1})));
        assertEquals("my%22clip%22.mp4", request.parts().get("video").filename());
    }

    @Test
    void uploadsKnowTheirMediaType() {
        assertEquals("video/mp4", Upload.of("take.MP4", new byte[0]).contentType());
        assertEquals("image/png", Upload.of("ref.png", new byte[0]).contentType());
        assertEquals("image/webp", Upload.of("ref.webp", new byte[0]).contentType());
        assertEquals("application/octet-stream", Upload.of("noext", new byte[0]).contentType());
        assertEquals("text/csv", Upload.of("x.bin", "text/csv", new byte[0]).contentType());
        assertThrows(IllegalArgumentException.class, () -> Upload.of(dir.resolve("missing.png")));
        assertFalse(Upload.of("a.jpg", new byte[3]).toString().isEmpty());
    }

    private static StubProvider.Request request(Multipart body) {
        try (InputStream in = body.open()) {
            return new StubProvider.Request("POST", "/v1/files", null, Map.of("Content-Type", List.of(body.contentType())),
                    in.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
