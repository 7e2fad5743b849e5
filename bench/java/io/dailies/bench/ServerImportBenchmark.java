package io.dailies.bench;

import io.dailies.it.DailiesClient;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 100,000-row import end to end, on the server as it ships: a real WildFly with its default
 * -Xmx512m heap, the workbook uploaded over HTTP and imported by the shotlist-import job (validate,
 * load with JPA, compile and lint every prompt). Prints the rows per second of the whole import and the
 * server's peak heap occupancy, sampled with jstat every 250 ms (eden + survivors + old: garbage
 * included, so an upper bound of what was live).
 *
 * <pre>mvn -Pbench -DskipTests package exec:exec -Dbench=ServerImportBenchmark -Dbench.heap=3g -Dbench.args="sequences=100 shots=1000"</pre>
 *
 * <p>Other arguments: {@code writeBack=false} stops after the import; {@code jfr=FILE} records a profile of the server
 * (JFR) from the upload to the end of the import into FILE.
 */
public final class ServerImportBenchmark {

    public static void main(String[] args) throws Exception {
        int sequences = 100;
        int shots = 1000;
        boolean writeBack = true;
        String jfr = null;
        for (String a : args) {
            for (String kv : a.trim().split("\\s+")) {
                if (kv.startsWith("jfr=")) jfr = kv.substring(4);
                if (kv.equals("writeBack=false")) writeBack = false;
                if (kv.startsWith("sequences=")) sequences = Integer.parseInt(kv.substring(10));
                if (kv.startsWith("shots=")) shots = Integer.parseInt(kv.substring(6));
            }
        }
        Path workbook = Files.createTempFile("shot-list-", ".xlsx");
        int rows = ShotListWorkbook.write(workbook, sequences, shots);
        System.out.printf("Workbook: %,d rows, %,d bytes%n", rows, Files.size(workbook));
        try (BenchServer server = BenchServer.start("bench-import", 320, List.of("-Ddailies.upload.max-bytes=209715200"))) {
            ProcessHandle jvm = server.jvm().orElseThrow(() -> new IllegalStateException("no server JVM found"));
            String maxHeap = jvm.info().commandLine().map(c -> Arrays.stream(c.split(" ")).filter(x -> x.startsWith("-Xmx")).findFirst()
                    .orElse("(JVM default)")).orElse("?");
            AtomicLong peak = new AtomicLong();
            Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(jvm.pid()), "250").redirectErrorStream(true).start();
            Thread sampler = new Thread(() -> sample(jstat, peak), "jstat");
            sampler.setDaemon(true);
            sampler.start();
            if (jfr != null) {
                // A profile of the server during the import, for finding where the time goes.
                new ProcessBuilder("jcmd", Long.toString(jvm.pid()), "JFR.start", "name=import", "settings=profile")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
            try {
                DailiesClient api = new DailiesClient(server.url);
                long start = System.nanoTime();
                DailiesClient.Answer started = api.postMultipart("api/shotlists", "file", "shot-list-100k.xlsx",
                        Files.readAllBytes(workbook), "project", "Import benchmark");
                JsonObject done = api.awaitStatus("api/shotlists/" + started.json().getInt("id"),
                        Set.of("COMPLETED", "REJECTED", "FAILED"), java.time.Duration.ofMinutes(45));
                double seconds = (System.nanoTime() - start) / 1e9;
                JsonObject answer = done;
                if (!"COMPLETED".equals(answer.getString("status"))) {
                    throw new IllegalStateException("the import did not complete: " + answer.toString().substring(0, Math.min(2000, answer.toString().length())));
                }
                Thread.sleep(600); // one more sample after the end
                if (jfr != null) {
                    new ProcessBuilder("jcmd", Long.toString(jvm.pid()), "JFR.dump", "name=import", "filename=" + jfr)
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                }
                // Every row stored: the import's own count, and the shots the project lists.
                long projectShots = api.get("api/projects/" + answer.getJsonNumber("projectId").longValue() + "/shots?limit=1").total();
                if (answer.getInt("rows") != rows || answer.getInt("created") != rows || projectShots != rows) {
                    throw new IllegalStateException("expected " + rows + " rows and shots: the import read " + answer.getInt("rows")
                            + ", created " + answer.getInt("created") + ", and the project lists " + projectShots);
                }
                System.out.printf("%nServer import of %,d rows (server heap %s)%n", answer.getInt("rows"), maxHeap);
                System.out.printf("  shots created   %,d (the project lists %,d)%n", answer.getInt("created"), projectShots);
                System.out.printf("  wall time       %.1f s (upload to COMPLETED)%n", seconds);
                System.out.printf("  rows per second %,.0f%n", answer.getInt("rows") / seconds);
                System.out.printf("  peak heap       %,d MB (jstat, eden + survivors + old)%n", peak.get() / 1024);

                if (!writeBack) {
                    return;
                }
                // The producer's workbook written back at this size, on the same 512 MB server: the write-back
                // reads the project's results a page at a time and streams the workbook row by row.
                peak.set(0);
                long projectId = answer.getJsonNumber("projectId").longValue();
                long wbStart = System.nanoTime();
                DailiesClient.Answer written = api.get("api/projects/" + projectId + "/workbook");
                double wbSeconds = (System.nanoTime() - wbStart) / 1e9;
                if (written.status() != 200 || written.bytes().length < 1_000_000) {
                    throw new IllegalStateException("the write-back failed: " + written.status() + " "
                            + written.body().substring(0, Math.min(500, written.body().length())));
                }
                Thread.sleep(600);
                System.out.printf("%nWrite-back of the %,d-row workbook (GET /api/projects/%d/workbook)%n", answer.getInt("rows"), projectId);
                System.out.printf("  wall time       %.1f s, %,d bytes%n", wbSeconds, written.bytes().length);
                System.out.printf("  rows per second %,.0f%n", answer.getInt("rows") / wbSeconds);
                System.out.printf("  peak heap       %,d MB (jstat, eden + survivors + old)%n", peak.get() / 1024);
            } finally {
                jstat.destroy();
            }
        } finally {
            Files.deleteIfExists(workbook);
        }
    }

    /** Reads jstat -gc lines; used heap is S0U + S1U + EU + OU (KB). */
    private static void sample(Process jstat, AtomicLong peak) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (String line; (line = in.readLine()) != null; ) {
                List<String> cells = Arrays.asList(line.trim().split("\\s+"));
                if (cells.contains("EU")) {
                    header = cells;
                    continue;
                }
                if (header == null || cells.size() != header.size()) {
                    continue;
                }
                double used = 0;
                for (String column : Set.of("S0U", "S1U", "EU", "OU")) {
                    used += Double.parseDouble(cells.get(header.indexOf(column)));
                }
                long kb = (long) used;
                peak.accumulateAndGet(kb, Math::max);
            }
        } catch (IOException | RuntimeException e) {
            // jstat ended with the server
        }
    }


    private ServerImportBenchmark() {
    }

}
