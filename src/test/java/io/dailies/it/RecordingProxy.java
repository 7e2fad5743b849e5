package io.dailies.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy in the test's JVM between the product and the emulator: every request is passed on as
 * it came, and the Authorization headers it carried are counted, so a test can see what the product sends
 * on the wire (the emulator accepts any key and keeps none).
 */
public final class RecordingProxy implements AutoCloseable {

    private static final Set<String> NOT_PASSED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpServer server;
    private final String target;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> authorizations = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    /** @param target the emulator's base URL, e.g. http://127.0.0.1:8080/emulator/v1 */
    public RecordingProxy(String target) throws IOException {
        this.target = target.replaceAll("/$", "");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::pass);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    /** The base URL the product is to use instead of the emulator's. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests carried each Authorization value (none: the key "(none)"). */
    public Map<String, AtomicInteger> authorizations() {
        return authorizations;
    }

    public int requests() {
        return requests.get();
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            List<String> auth = exchange.getRequestHeaders().get("Authorization");
            authorizations.computeIfAbsent(auth == null ? "(none)" : String.join(",", auth), k -> new AtomicInteger()).incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<InputStream> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes;
            try (InputStream in = answer.body()) {
                bytes = in.readAllBytes();
            }
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
