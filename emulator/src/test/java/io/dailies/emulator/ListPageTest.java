package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ListPageTest {

    private static final List<String> NEWEST_FIRST = List.of("v5", "v4", "v3", "v2", "v1");

    @Test
    void pagesFollowTheCursorInEitherOrderWithOneExtraToTellHasMore() {
        assertEquals(List.of("v5", "v4", "v3"), ListPage.after(NEWEST_FIRST, "desc", null, 2, Function.identity()));
        assertEquals(List.of("v3", "v2", "v1"), ListPage.after(NEWEST_FIRST, "desc", "v4", 2, Function.identity()));
        assertEquals(List.of("v1", "v2", "v3"), ListPage.after(NEWEST_FIRST, "asc", null, 2, Function.identity()));
        assertEquals(List.of("v4", "v5"), ListPage.after(NEWEST_FIRST, "asc", "v3", 2, Function.identity()));
        assertEquals(List.of(), ListPage.after(NEWEST_FIRST, "desc", "v1", 2, Function.identity()));
    }

    @Test
    void theListObjectShowsTheAskedItemsAndSaysWhetherThereAreMore() {
        JsonObject more = read(ListPage.json(List.of("a", "b", "c"), 2, Function.identity(), id -> Json.createObjectBuilder().add("id", id).build()));
        assertEquals(2, more.getJsonArray("data").size());
        assertEquals("a", more.getString("first_id"));
        assertEquals("b", more.getString("last_id"));
        assertTrue(more.getBoolean("has_more"));
        JsonObject empty = read(ListPage.json(List.<String>of(), 2, Function.identity(), id -> Json.createObjectBuilder().build()));
        assertFalse(empty.getBoolean("has_more"));
        assertFalse(empty.containsKey("last_id"), "left out, not null: the reference types it as a string");
    }

    @Test
    void aLimitOrOrderOutOfRangeIsRefusedNamingTheParameter() {
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> ListPage.check(0, 100, "desc"));
        assertTrue(e.getResponse().getEntity().toString().contains("\"param\":\"limit\""));
        e = assertThrows(WebApplicationException.class, () -> ListPage.check(5, 100, "newest"));
        assertTrue(e.getResponse().getEntity().toString().contains("\"param\":\"order\""));
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
