package io.dailies.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted OpenAI-compatible server on a free local port: each route answers its queued answers in
 * order (the last one repeats) and every request is recorded, so tests see exactly what the client sent
 * and how often.
 */
final class StubProvider implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The parts of a multipart/form-data body by name. */
        Map<String, Part> parts() {
            Matcher m = Pattern.compile("boundary=([^;\\s]+)").matcher(header("Content-Type"));
            if (!m.find()) {
                throw new AssertionError("no multipart boundary in " + header("Content-Type"));
            }
            String boundary = "--" + m.group(1);
            String raw = new String(body, StandardCharsets.ISO_8859_1);
            if (!raw.endsWith(boundary + "--\r\n")) {
                throw new AssertionError("multipart body does not end with the closing boundary");
            }
            Map<String, Part> parts = new LinkedHashMap<>();
            for (String chunk : raw.substring(0, raw.length() - (boundary + "--\r\n").length()).split(Pattern.quote(boundary + "\r\n"))) {
                if (chunk.isEmpty()) {
                    continue;
                }
                int headEnd = chunk.indexOf("\r\n\r\n");
                String head = chunk.substring(0, headEnd);
                byte[] content = chunk.substring(headEnd + 4, chunk.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(head);
                Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(head);
                Matcher type = Pattern.compile("(?i)Content-Type: ([^\r\n]+)").matcher(head);
                name.find();
                parts.put(name.group(1), new Part(file.find() ? file.group(1) : null, type.find() ? type.group(1) : null, content));
            }
            return parts;
        }
    }

    record Part(String filename, String contentType, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /**
     * @param declaredLength a Content-Length larger than the body cuts the answer off mid-way (-1: the body's own)
     */
    record Answer(int status, Map<String, String> headers, byte[] body, long delayMs, long declaredLength) {
        static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8), 0, -1);
        }

        static Answer bytes(int status, String contentType, byte[] body) {
            return new Answer(status, Map.of("Content-Type", contentType), body, 0, -1);
        }

        static Answer error(int status, String code, String param, String message) {
            return json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":"
                    + (param == null ? "null" : "\"" + param + "\"") + ",\"code\":" + (code == null ? "null" : "\"" + code + "\"") + "}}");
        }

        Answer withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, h, body, delayMs, declaredLength);
        }

        Answer delayed(long ms) {
            return new Answer(status, headers, body, ms, declaredLength);
        }

        Answer cutOff() {
            return new Answer(status, headers, body, delayMs, body.length * 2L + 100);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StubProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers for a method and path (below /v1, without the query), served in order; the last repeats. */
    StubProvider on(String method, String path, Answer... answers) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals("/v1" + path)).toList();
    }

    /** A local port nobody listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                    Map.copyOf(ex.getRequestHeaders()), body));
            Deque<Answer> answers = routes.get(ex.getRequestMethod() + " " + path.replaceFirst("^/v1", ""));
            Answer a;
            if (answers == null) {
                a = Answer.error(404, "not_found", null, "no stub for " + ex.getRequestMethod() + " " + path);
            } else {
                synchronized (answers) {
                    a = answers.size() > 1 ? answers.removeFirst() : answers.peekFirst();
                }
            }
            if (a.delayMs() > 0) {
                try {
                    Thread.sleep(a.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            long length = a.declaredLength() >= 0 ? a.declaredLength() : a.body().length == 0 ? -1 : a.body().length;
            ex.sendResponseHeaders(a.status(), length);
            OutputStream out = ex.getResponseBody();
            out.write(a.body());
            out.flush();
            if (a.declaredLength() >= 0) {
                // Cut the connection with the body half sent, as a dropped gateway connection does.
                throw new IOException("cut off on purpose");
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
