package io.dailies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dailies.report.workbook.ShotResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The write-back's results, a page at a time: each page is made once per pass, in order, and only it is held. */
class PagedResultsTest {

    @Test
    void aPassInShotOrderMakesEachPageOnceAndEveryItemInItsPlace() {
        List<Long> ids = LongStream.rangeClosed(1, 1_234).boxed().toList();
        List<List<Long>> asked = new ArrayList<>();
        PagedResults results = new PagedResults(ids, page -> {
            asked.add(page);
            return page.stream().map(id -> result("SC-" + id)).toList();
        });
        assertEquals(1_234, results.size());
        int i = 0;
        for (ShotResult r : results) {
            assertEquals("SC-" + ids.get(i++), r.shot());
        }
        assertEquals(3, asked.size(), "pages of " + PagedResults.PAGE + ": 500, 500, 234");
        assertEquals(234, asked.get(2).size());
        assertEquals(1_234L, results.stream().filter(r -> r.shot().startsWith("SC-")).count(),
                "a second pass (the summary) reads it all again");
        assertEquals(6, asked.size());
        assertEquals("SC-1", results.get(0).shot(), "going back loads that page again");
        assertThrows(IndexOutOfBoundsException.class, () -> results.get(1_234));
    }

    private static ShotResult result(String shot) {
        return new ShotResult("Castle", shot, "NOT RENDERED", 0, null, null, null, null, null, null, null, null, null,
                null, "Not rendered yet.", null, null, null);
    }
}
