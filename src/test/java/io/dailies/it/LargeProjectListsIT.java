package io.dailies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lists of a 100,000-shot project, on the test server with its 1 GB heap: the project's shots, the
 * takes of a run of all of them, the runs and the jobs each answer a page in well under a few seconds,
 * first page, middle and last alike, with the whole list's size in X-Total-Count. Before lists paged,
 * GET /api/projects/{id}/shots of such a project read every shot into memory and answered 500 "Java heap
 * space" after 109 s on the shipped 512 MB heap.
 *
 * <p>Lean for CI: the shots come as one CSV upload (100 sequences of 1,000 short rows), and every prompt
 * has a lint error (two camera moves), so the run plans 100,000 takes and fails each at planning, as it
 * must, without one call to the provider: the lists are what is measured, not the renderer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LargeProjectListsIT {

    static final int SEQUENCES = 100;
    static final int SHOTS_PER_SEQUENCE = 1000;
    static final int SHOTS = SEQUENCES * SHOTS_PER_SEQUENCE;
    /** "Well under a few seconds": each page, on a 2-core CI machine shared with the server. */
    static final long PAGE_MS = 3000;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    private final List<String> figures = new ArrayList<>();

    @Test
    void theListsOfAHundredThousandShotProjectPageQuicklyWithinTheHeap() {
        DailiesClient api = new DailiesClient(base);
        ServerHeap heap = new ServerHeap(management.getControllerClient());
        int logBefore = ServerFiles.log().length();
        String project = "Large " + UUID.randomUUID().toString().substring(0, 8);

        long t0 = System.nanoTime();
        DailiesClient.Answer upload = api.postMultipart("api/shotlists", "file", "large.csv", csv(), "project", project);
        assertEquals(202, upload.status(), upload.body());
        JsonObject imported = api.awaitStatus("api/shotlists/" + upload.json().getInt("id"), Set.of("COMPLETED", "REJECTED", "FAILED"),
                Duration.ofMinutes(20));
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        assertEquals(SHOTS, imported.getInt("created"), imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        note(String.format(Locale.ROOT, "import of %,d shots (CSV): %.1f s", SHOTS, (System.nanoTime() - t0) / 1e9));

        heap.resetPeaks();
        ServerHeap.Usage before = heap.live();
        String shots = "api/projects/" + projectId + "/shots";
        DailiesClient.Answer first = page(api, shots, SHOTS);
        assertEquals(100, first.array().size(), "100 shots unless asked otherwise");
        assertEquals("S001", first.array().getJsonObject(0).getString("sequence"));
        assertEquals("S001-0001", first.array().getJsonObject(0).getString("shot"));
        assertEquals("/api/projects/" + projectId + "/shots?offset=100&limit=100", first.next());
        assertEquals(1000, page(api, shots + "?limit=1000", SHOTS).array().size());
        JsonArray middle = page(api, shots + "?limit=1000&offset=50000", SHOTS).array();
        assertEquals("S051-0001", middle.getJsonObject(0).getString("shot"), "workbook order, deep in the list");
        DailiesClient.Answer last = page(api, shots + "?offset=" + (SHOTS - 100), SHOTS);
        assertEquals("S100-1000", last.array().getJsonObject(99).getString("shot"));
        assertEquals(null, last.next(), "the last page");
        assertEquals(SHOTS_PER_SEQUENCE, page(api, shots + "?sequence=S050&limit=1000", SHOTS_PER_SEQUENCE).array().size());
        page(api, shots + "?omitted=false&offset=99000&limit=1000", SHOTS);
        page(api, shots + "?omitted=true", 0);
        JsonObject listed = page(api, "api/projects?name=" + URLEncoder.encode(project, StandardCharsets.UTF_8), 1).array().getJsonObject(0);
        assertEquals(SHOTS, listed.getInt("shots"), "the project's active shots, counted");
        assertTrue(page(api, "api/projects", -1).total() >= 1);
        long shotsPeak = heap.peakMb();

        long t1 = System.nanoTime();
        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs?mode=sync", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        long execution = started.json().getJsonNumber("jobExecutionId").longValue();
        double planned = -1;
        JsonObject run = null;
        for (long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos(); System.nanoTime() < deadline; DailiesClient.pause(500)) {
            run = api.get("api/runs/" + runId).json();
            if (planned < 0 && run.getJsonObject("takes").getInt("FAILED", 0) == SHOTS) {
                planned = (System.nanoTime() - t1) / 1e9;
            }
            if (Set.of("COMPLETED", "FAILED", "STOPPED").contains(run.getString("status"))) {
                break;
            }
        }
        note(String.format(Locale.ROOT, "run of %,d takes, each failed at planning (lint errors): planned after %.1f s, %s after %.1f s"
                + " (the report of %,d rows included)", SHOTS, planned, run.getString("status"), (System.nanoTime() - t1) / 1e9, SHOTS));
        assertEquals("COMPLETED", run.getString("status"), run.toString());

        heap.resetPeaks();
        String takes = "api/runs/" + runId + "/takes";
        DailiesClient.Answer firstTakes = page(api, takes, SHOTS);
        JsonObject take = firstTakes.array().getJsonObject(0);
        assertEquals("S001-0001", take.getString("shot"));
        assertEquals("FAILED", take.getString("status"));
        assertTrue(take.getString("failure").contains("lint errors"), take.toString());
        page(api, takes + "?limit=1000&offset=50000", SHOTS);
        assertEquals("S100-1000", page(api, takes + "?offset=" + (SHOTS - 1), SHOTS).array().getJsonObject(0).getString("shot"));
        page(api, takes + "?status=FAILED&limit=1000&offset=99000", SHOTS);
        page(api, takes + "?status=SCORED", 0);
        page(api, takes + "?verdict=RETAKE,REVIEW", 0);

        JsonArray runs = page(api, "api/runs?project=" + projectId, 1).array();
        assertEquals(SHOTS, runs.getJsonObject(0).getJsonNumber("total").longValue(), runs.toString());
        assertEquals(SHOTS, runs.getJsonObject(0).getJsonObject("takes").getInt("FAILED"), runs.toString());
        page(api, "api/runs", -1);
        page(api, "api/runs?status=COMPLETED&limit=1000", -1);
        DailiesClient.Answer jobs = page(api, "api/jobs?job=render-run&limit=1000", -1);
        assertTrue(jobs.array().stream().anyMatch(j -> j.asJsonObject().getJsonNumber("executionId").longValue() == execution), jobs.body());
        page(api, "api/jobs", -1);
        page(api, "api/jobs?status=COMPLETED&job=shotlist-import,render-run", -1);
        page(api, "api/shotlists?project=" + projectId, 1);

        long listsPeak = heap.peakMb();
        ServerHeap.Usage after = heap.live();
        note(String.format(Locale.ROOT, "server heap (cap %d MB): live after a full GC %d MB before the lists, %d MB after them;"
                + " sum of the heap pools' peaks (garbage included, an upper bound) while paging the shots %d MB, while paging the"
                + " takes, runs and jobs %d MB", after.maxMb(), before.usedMb(), after.usedMb(), shotsPeak, listsPeak));
        System.out.println("LargeProjectListsIT figures:\n  " + String.join("\n  ", figures));
        assertTrue(after.maxMb() <= 1100, "the test server's heap is the 1 GB it is configured with: " + after.maxMb());
        assertTrue(after.usedMb() - before.usedMb() < 200, "the lists keep nothing: live " + before.usedMb() + " -> " + after.usedMb() + " MB");
        String log = ServerFiles.log().substring(Math.min(logBefore, ServerFiles.log().length()));
        assertFalse(log.contains("OutOfMemoryError") || log.contains("Java heap space"), "no heap exhaustion in the server log");
    }

    /**
     * One page: 200 within {@link #PAGE_MS}, with the expected X-Total-Count (-1: any), its time noted; a
     * second request of the same page is timed too, the first may carry a cold cache.
     */
    private DailiesClient.Answer page(DailiesClient api, String path, long total) {
        long start = System.nanoTime();
        DailiesClient.Answer a = api.get(path);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, a.status(), path + ": " + a.body());
        if (total >= 0) {
            assertEquals(total, a.total(), path);
        }
        assertTrue(ms < PAGE_MS, path + " answered in " + ms + " ms");
        note(String.format(Locale.ROOT, "%-70s %5d ms  %,9d of %,d", path.replaceFirst("api/(projects|runs)/\\d+", "api/$1/{id}"),
                ms, a.array().size(), a.total()));
        return a;
    }

    private void note(String figure) {
        figures.add(figure);
        System.out.println("LargeProjectListsIT: " + figure);
    }

    /**
     * 100 sequences of 1,000 shots, S001-0001 to S100-1000, as a CSV a producer exports from Excel; each
     * camera cell names two moves, a lint error that keeps a take from being sent.
     */
    static byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(SHOTS * 140);
        StringBuilder b = new StringBuilder("Sequence,Shot,Subject & Action,Camera & Movement,Seconds\r\n");
        for (int q = 1; q <= SEQUENCES; q++) {
            for (int s = 1; s <= SHOTS_PER_SEQUENCE; s++) {
                String seq = String.format(Locale.ROOT, "S%03d", q);
                b.append(seq).append(',').append(seq).append(String.format(Locale.ROOT, "-%04d", s))
                        .append(",\"Courier ").append(s).append(" crosses the square, stops, and looks up in the final second.\"")
                        .append(",Wide shot; slow dolly-in then tilt up,4\r\n");
            }
            out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
            b.setLength(0);
        }
        return out.toByteArray();
    }
}
