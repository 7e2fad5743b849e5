package io.dailies.bench;

import io.dailies.it.DailiesClient;
import io.dailies.shotlist.sheet.ShotColumn;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How close the render loop comes to the ideal schedule: renders N takes (default 1,000) against the
 * built-in emulator with a concurrency limit of C on a real WildFly started just for the benchmark, and
 * prints the makespan (first intent to last stored take) divided by its lower bound
 * ceil(N / C) x the emulator's time per generation.
 *
 * <p>The emulator runs with stock media (one encoded file per size and length, copied for every take), so
 * what is measured is the product's scheduling, not the emulator's encoder on a 2-core machine. The
 * model catalog is raised to C concurrent generations and a high request rate, as for an account of a
 * higher tier; the default catalog would cap sora-2 at 8 in flight.
 *
 * <pre>mvn -Pbench -DskipTests package exec:exec -Dbench=MakespanBenchmark -Dbench.args="takes=1000 concurrency=20 seconds=3"</pre>
 */
public final class MakespanBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("takes", "1000", "concurrency", "20", "seconds", "3",
                "poll-ms", "100", "port-offset", "310"));
        for (String a : args) {
            for (String kv : a.trim().split("\\s+")) {
                if (kv.contains("=")) {
                    opts.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
            }
        }
        int takes = Integer.parseInt(opts.get("takes"));
        int concurrency = Integer.parseInt(opts.get("concurrency"));
        double seconds = Double.parseDouble(opts.get("seconds"));
        int offset = Integer.parseInt(opts.get("port-offset"));
        Path catalog = Files.createTempFile("bench-catalog", ".json");
        Files.writeString(catalog, raisedCatalog(concurrency));
        try (BenchServer server = BenchServer.start("bench-makespan", offset, List.of(
                "-Ddailies.emulator.queued-seconds=0",
                "-Ddailies.emulator.render-seconds=" + seconds,
                "-Ddailies.emulator.stock-media=true",
                "-Ddailies.provider.poll-interval-ms=" + opts.get("poll-ms"),
                "-Ddailies.catalog.file=" + catalog))) {
            URL url = server.url;
            DailiesClient api = new DailiesClient(url);
            JsonObject imported = api.importShotlist("bench-" + takes + ".xlsx", shotList(takes), "Makespan " + takes);
            if (!"COMPLETED".equals(imported.getString("status"))) {
                throw new IllegalStateException("import failed: " + imported);
            }
            long project = imported.getJsonNumber("projectId").longValue();
            DailiesClient.Answer started = api.post("api/projects/" + project + "/runs?mode=sync&concurrency=" + concurrency,
                    "application/json", new byte[0]);
            long run = started.json().getJsonNumber("id").longValue();
            JsonArray all = awaitRendered(api, run, takes, Duration.ofSeconds((long) (takes * seconds / concurrency * 3) + 300));

            Instant first = null;
            Instant last = null;
            int stored = 0;
            int failed = 0;
            for (JsonValue v : all) {
                JsonObject t = v.asJsonObject();
                if (!t.isNull("storedAt")) {
                    stored++;
                    Instant intent = Instant.parse(t.getString("intentAt"));
                    Instant done = Instant.parse(t.getString("storedAt"));
                    first = first == null || intent.isBefore(first) ? intent : first;
                    last = last == null || done.isAfter(last) ? done : last;
                } else if ("FAILED".equals(t.getString("status"))) {
                    failed++;
                }
            }
            double makespan = Duration.between(first, last).toMillis() / 1000.0;
            double bound = Math.ceil((double) takes / concurrency) * seconds;
            System.out.printf("%nMakespan benchmark: %d takes, concurrency %d, %.1f s per generation (emulator), poll %s ms%n",
                    takes, concurrency, seconds, opts.get("poll-ms"));
            System.out.printf("  stored %d, failed %d%n", stored, failed);
            System.out.printf("  makespan     %8.1f s (first intent to last stored take)%n", makespan);
            System.out.printf("  lower bound  %8.1f s (ceil(%d / %d) x %.1f s)%n", bound, takes, concurrency, seconds);
            System.out.printf("  ratio        %8.3f%n", makespan / bound);
            System.out.printf("  throughput   %8.1f takes/min%n", stored / makespan * 60);
        }
    }

    /** Every take stored or failed; the run goes on scoring, which this benchmark does not measure. */
    private static JsonArray awaitRendered(DailiesClient api, long run, int takes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonArray all = api.get("api/runs/" + run + "/takes").array();
            long finished = all.stream().map(JsonValue::asJsonObject)
                    .filter(t -> !t.isNull("storedAt") || "FAILED".equals(t.getString("status"))).count();
            if (all.size() == takes && finished == takes) {
                return all;
            }
            DailiesClient.pause(2000);
        }
        throw new IllegalStateException("run " + run + " did not render its takes within " + timeout);
    }

    private static byte[] shotList(int n) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Shots");
            Row header = sheet.createRow(0);
            for (int c = 0; c < TestWorkbooks.HEADERS.length; c++) {
                header.createCell(c).setCellValue(TestWorkbooks.HEADERS[c]);
            }
            for (int i = 0; i < n; i++) {
                Object[] shot = TestWorkbooks.shot("Bench " + (i / 100 + 1), String.format("B-%04d", i + 1), 4);
                Row row = sheet.createRow(i + 1);
                for (int c = 0; c < shot.length; c++) {
                    if (shot[c] instanceof Number x) {
                        row.createCell(c).setCellValue(x.doubleValue());
                    } else if (shot[c] != null) {
                        row.createCell(c).setCellValue(shot[c].toString());
                    }
                }
                // Each take its own prompt, as in a real shot list.
                row.getCell(ShotColumn.SUBJECT_ACTION.ordinal()).setCellValue(
                        "Take " + (i + 1) + ": the queen takes four steps to the window, pauses, and pulls the curtain in the final second.");
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The shipped catalog with every model allowed C generations in flight and a high request rate. */
    private static String raisedCatalog(int concurrency) throws IOException {
        JsonObject catalog;
        try (InputStream in = MakespanBenchmark.class.getClassLoader().getResourceAsStream("model-catalog.json");
             JsonReader r = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
            catalog = r.readObject();
        }
        var models = Json.createArrayBuilder();
        for (JsonValue m : catalog.getJsonArray("models")) {
            JsonObjectBuilder b = Json.createObjectBuilder(m.asJsonObject());
            b.add("maxConcurrentGenerations", Math.max(concurrency, m.asJsonObject().getInt("maxConcurrentGenerations")));
            b.add("requestsPerMinute", 100_000);
            models.add(b);
        }
        return Json.createObjectBuilder(catalog).add("models", models).build().toString();
    }

    private MakespanBenchmark() {
    }
}
