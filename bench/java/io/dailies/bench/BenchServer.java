package io.dailies.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real WildFly with the built WAR, started for one benchmark on a fresh copy of the configured server
 * (target/wildfly-…, as `mvn package` leaves it) and stopped at the end. Its JVM keeps WildFly's own
 * sizing (standalone.conf: -Xmx512m), the heap the product ships with.
 */
final class BenchServer implements AutoCloseable {

    private final Process process;
    private final Path base;
    final URL url;

    private BenchServer(Process process, Path base, URL url) {
        this.process = process;
        this.base = base;
        this.url = url;
    }

    static BenchServer start(String name, int portOffset, List<String> properties) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("wildfly.home", "target/wildfly-39.0.1.Final")).toAbsolutePath();
        Path war = Path.of(System.getProperty("dailies.war", "target/dailies.war")).toAbsolutePath();
        if (!Files.isDirectory(home) || !Files.exists(war)) {
            throw new IllegalStateException("Build first: " + home + " and " + war + " must exist (mvn -Pbench -DskipTests package exec:exec ...)");
        }
        Path base = Path.of("target", name).toAbsolutePath();
        freshBase(home, base);
        Files.copy(war, base.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
        Path emulator = Path.of(System.getProperty("dailies.emulator.war", "emulator/target/emulator.war")).toAbsolutePath();
        Files.copy(emulator, base.resolve("deployments/emulator.war"), StandardCopyOption.REPLACE_EXISTING);
        // A benchmark's data is its own, under its fresh base dir: never a producer's data directory.
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Ddailies.data.dir=" + base.resolve("data/dailies"),
                "-Djboss.socket.binding.port-offset=" + portOffset));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(base.resolve("log/bench-console.log").toFile());
        // The default provider URL names port 8080; with an offset the built-in emulator is elsewhere.
        builder.environment().put("DAILIES_PROVIDER_BASE_URL", "http://127.0.0.1:" + (8080 + portOffset) + "/emulator/v1");
        // The benchmark signs in as the first admin, the way README's operator would make it.
        builder.environment().put("DAILIES_ADMIN_USER", io.dailies.it.DailiesClient.ADMIN_USER);
        builder.environment().put("DAILIES_ADMIN_PASSWORD", io.dailies.it.DailiesClient.ADMIN_PASSWORD);
        Process p = builder.start();
        BenchServer server = new BenchServer(p, base, URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/").toURL());
        try {
            server.awaitUp(Duration.ofMinutes(3));
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    Path base() {
        return base;
    }

    /** The server's JVM (standalone.sh's child running jboss-modules). */
    Optional<ProcessHandle> jvm() {
        return process.descendants().filter(h -> h.info().commandLine().map(c -> c.contains("jboss-modules.jar")).orElse(false))
                .findFirst();
    }

    private void awaitUp(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url.toURI().resolve("api/projects")).header("Authorization",
                        io.dailies.it.DailiesClient.basic(io.dailies.it.DailiesClient.ADMIN_USER, io.dailies.it.DailiesClient.ADMIN_PASSWORD)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException | java.net.URISyntaxException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("WildFly did not come up at " + url + " within " + timeout + "; see " + base.resolve("log"));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void freshBase(Path home, Path base) throws IOException {
        if (Files.exists(base)) {
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String dir : List.of("deployments", "data", "log", "tmp")) {
            Files.createDirectories(base.resolve(dir));
        }
        Path config = home.resolve("standalone/configuration");
        try (Stream<Path> walk = Files.walk(config)) {
            for (Path p : walk.filter(p -> !p.toString().contains("standalone_xml_history")).toList()) {
                Path to = base.resolve("configuration").resolve(config.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
