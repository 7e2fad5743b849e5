package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.WebApplicationException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** ?shot=12,13: a list of ids, each checked as an id, at most a page of them. */
class FiltersIdsTest {

    @Test
    void idsAreReadCommaSeparated() {
        assertEquals(Set.of(12L, 13L, 20L), Filters.ids("shot", "12, 13,20,12"));
        assertEquals(Set.of(), Filters.ids("shot", null));
        assertEquals(Set.of(), Filters.ids("shot", " "));
    }

    @Test
    void aWrongIdOrTooManyAreRefusedByName() {
        WebApplicationException bad = assertThrows(WebApplicationException.class, () -> Filters.ids("shot", "12,x"));
        assertEquals(400, bad.getResponse().getStatus());
        String many = LongStream.rangeClosed(1, PageRequest.MAX_LIMIT + 1).mapToObj(Long::toString).collect(Collectors.joining(","));
        assertEquals(400, assertThrows(WebApplicationException.class, () -> Filters.ids("shot", many)).getResponse().getStatus());
    }
}
