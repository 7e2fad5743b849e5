package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** How a create request names the characters it references, in JSON and in multipart parts. */
class CharacterRefsTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static void assertRefused(Executable call) {
        WebApplicationException e = assertThrows(WebApplicationException.class, call);
        assertEquals(400, e.getResponse().getStatus());
        JsonObject error = Json.createReader(new StringReader((String) e.getResponse().getEntity())).readObject().getJsonObject("error");
        assertEquals("characters", error.getString("param"));
        assertEquals("invalid_request_error", error.getString("type"));
    }

    @Test
    void idsOrObjectsWithAnId() {
        assertEquals(List.of("char_1", "char_2"), VideosEndpoint.characterIds(json("[\"char_1\", {\"id\": \"char_2\"}]")));
        assertEquals(List.of(), VideosEndpoint.characterIds((JsonValue) null));
        assertEquals(List.of(), VideosEndpoint.characterIds(JsonValue.NULL));
        assertEquals(List.of(), VideosEndpoint.characterIds(json("[]")));
    }

    @Test
    void anythingElseIsA400NamingCharacters() {
        assertRefused(() -> VideosEndpoint.characterIds(json("\"char_1\"")));
        assertRefused(() -> VideosEndpoint.characterIds(json("{\"id\": \"char_1\"}")));
        assertRefused(() -> VideosEndpoint.characterIds(json("[42]")));
        assertRefused(() -> VideosEndpoint.characterIds(json("[{\"name\": \"Mira\"}]")));
        assertRefused(() -> VideosEndpoint.characterIds(json("[\" \"]")));
    }

    @Test
    void multipartPartsCarryAnIdOrItsJson() {
        assertEquals(List.of("char_9"), VideosEndpoint.characterIds(" char_9 "));
        assertEquals(List.of("char_9"), VideosEndpoint.characterIds("{\"id\":\"char_9\"}"));
        assertEquals(List.of("char_1", "char_2"), VideosEndpoint.characterIds("[\"char_1\",\"char_2\"]"));
        assertRefused(() -> VideosEndpoint.characterIds(""));
        assertRefused(() -> VideosEndpoint.characterIds("[not json"));
    }
}
