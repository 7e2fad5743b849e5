package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.WebApplicationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every list pages the same way: ?limit= and ?offset= checked, the total said, the pages beside linked. */
class PagingTest {

    enum Colour { RED, GREEN }

    @Test
    void noParametersMeanTheFirstHundred() {
        assertEquals(new PageRequest(100, 0), PageRequest.of(null, null));
        assertEquals(new PageRequest(100, 0), PageRequest.of("", " "));
        assertEquals(new PageRequest(1000, 5), PageRequest.of("1000", "5"));
        assertEquals(new PageRequest(1, 0), PageRequest.of(" 1 ", "0"));
    }

    @Test
    void aLimitOrOffsetOutOfRangeIsA400NamingTheParameter() {
        for (String[] bad : new String[][] {{"0", null, "limit"}, {"1001", null, "limit"}, {"-1", null, "limit"}, {"ten", null, "limit"},
                {"99999999999999999999", null, "limit"}, {null, "-1", "offset"}, {null, "x", "offset"}, {null, "2147483648", "offset"}}) {
            WebApplicationException e = assertThrows(WebApplicationException.class, () -> PageRequest.of(bad[0], bad[1]));
            assertEquals(400, e.getResponse().getStatus());
            String body = (String) e.getResponse().getEntity();
            assertTrue(body.contains("\"detail\":\"" + bad[2] + " must be a whole number"), body);
            assertTrue(body.contains("\"status\":400"), body);
        }
    }

    @Test
    void aListInMemoryIsCutToThePage() {
        List<Integer> all = IntStream.range(0, 250).boxed().toList();
        assertEquals(IntStream.range(100, 200).boxed().toList(), new PageRequest(100, 100).of(all));
        assertEquals(IntStream.range(200, 250).boxed().toList(), new PageRequest(100, 200).of(all));
        assertEquals(List.of(), new PageRequest(100, 250).of(all));
        assertEquals(List.of(), new PageRequest(100, Integer.MAX_VALUE).of(all));
    }

    @Test
    void aShortPageCountsItselfAndOnlyAFullOneAsksTheDatabase() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals(30, new PageRequest(100, 0).total(IntStream.range(0, 30).boxed().toList(), () -> asked.incrementAndGet() * 1000L));
        assertEquals(230, new PageRequest(100, 200).total(IntStream.range(0, 30).boxed().toList(), () -> asked.incrementAndGet() * 1000L));
        assertEquals(0, new PageRequest(100, 0).total(List.of(), () -> asked.incrementAndGet() * 1000L));
        assertEquals(0, asked.get(), "a short page knows the total");
        assertEquals(1000, new PageRequest(100, 0).total(IntStream.range(0, 100).boxed().toList(), () -> asked.incrementAndGet() * 1000L));
        assertEquals(2000, new PageRequest(100, 500).total(List.of(), () -> asked.incrementAndGet() * 1000L), "past the end: counted");
    }

    @Test
    void linksKeepTheFiltersAndNameTheNextAndPreviousPages() {
        Page<Integer> first = new Page<>(IntStream.range(0, 100).boxed().toList(), 250, new PageRequest(100, 0));
        assertEquals("</api/runs/7/takes?status=FAILED&verdict=RETAKE%2CREVIEW&offset=100&limit=100>; rel=\"next\"",
                first.links("/api/runs/7/takes", "status=FAILED&limit=100&verdict=RETAKE%2CREVIEW"));
        Page<Integer> middle = new Page<>(IntStream.range(0, 100).boxed().toList(), 250, new PageRequest(100, 100));
        assertEquals("</api/projects?offset=200&limit=100>; rel=\"next\", </api/projects?offset=0&limit=100>; rel=\"prev\"",
                middle.links("/api/projects", "offset=100"));
        Page<Integer> last = new Page<>(IntStream.range(0, 50).boxed().toList(), 250, new PageRequest(100, 200));
        assertEquals("</api/projects?offset=100&limit=100>; rel=\"prev\"", last.links("/api/projects", null));
        assertNull(new Page<>(List.of(1, 2), 2, new PageRequest(100, 0)).links("/api/projects", null), "one page: no links");
        assertTrue(last.links("/api/projects", null).contains("prev") && !last.hasNext());
    }

    @Test
    void filtersAreCheckedAndNamed() {
        assertEquals(EnumSet.of(Colour.RED, Colour.GREEN), Filters.anyOf("colour", "red, GREEN", Colour.class));
        assertEquals(EnumSet.noneOf(Colour.class), Filters.anyOf("colour", null, Colour.class));
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> Filters.anyOf("colour", "RED,BLUE", Colour.class));
        assertEquals(400, e.getResponse().getStatus());
        assertTrue(((String) e.getResponse().getEntity()).contains("colour must be one or more of RED, GREEN"), e.getMessage());
        assertEquals(Set.of("render-run"), Filters.anyOf("job", "RENDER-RUN", Set.of("render-run", "shotlist-import")));
        assertThrows(WebApplicationException.class, () -> Filters.anyOf("job", "nightly", Set.of("render-run")));
        assertEquals(Boolean.TRUE, Filters.bool("omitted", "True"));
        assertNull(Filters.bool("omitted", null));
        assertTrue(((String) assertThrows(WebApplicationException.class, () -> Filters.bool("omitted", "yes")).getResponse().getEntity())
                .contains("omitted must be true or false"));
        assertEquals(12L, Filters.id("project", "12"));
        assertThrows(WebApplicationException.class, () -> Filters.id("project", "0"));
        assertThrows(WebApplicationException.class, () -> Filters.id("project", "abc"));
        assertNull(Filters.text("  "));
    }
}
