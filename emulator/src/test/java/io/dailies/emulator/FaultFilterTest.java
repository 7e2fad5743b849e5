package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The filter's decisions and answers against a recording stand-in for the container's request and
 * response. (That Undertow really cuts the connection on "drop" is shown by FaultInjectionIT.)
 */
class FaultFilterTest {

    private final RequestCounters counters = new RequestCounters();

    private FaultFilter filter(String plan) {
        Faults faults = new Faults();
        faults.counters = counters;
        faults.replace(FaultPlan.parse(plan));
        FaultFilter f = new FaultFilter();
        f.faults = faults;
        f.counters = counters;
        return f;
    }

    /** What the container would send: status, headers, body, and whether the stream was closed. */
    static final class Sent {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean flushed;
        boolean closed;

        JsonObject json() {
            return Json.createReader(new StringReader(body.toString(StandardCharsets.UTF_8))).readObject();
        }
    }

    private static HttpServletResponse response(Sent sent) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                sent.body.write(b);
            }

            @Override
            public void flush() {
                sent.flushed = true;
            }

            @Override
            public void close() throws IOException {
                sent.closed = true;
                String length = sent.headers.get("Content-Length");
                if (length != null && Long.parseLong(length) > sent.body.size()) {
                    throw new IOException((Long.parseLong(length) - sent.body.size()) + " bytes remaining"); // as Undertow does
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(FaultFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        sent.status = (Integer) args[0];
                        yield null;
                    }
                    case "getStatus" -> sent.status;
                    case "setHeader", "addHeader" -> {
                        sent.headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "getHeader" -> sent.headers.get((String) args[0]);
                    case "setContentType" -> {
                        sent.headers.put("Content-Type", (String) args[0]);
                        yield null;
                    }
                    case "setContentLength", "setContentLengthLong" -> {
                        sent.headers.put("Content-Length", String.valueOf(args[0]));
                        yield null;
                    }
                    case "reset" -> {
                        sent.status = 200;
                        sent.headers.clear();
                        sent.body.reset();
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    case "getCharacterEncoding" -> "UTF-8";
                    case "isCommitted" -> sent.flushed;
                    case "toString" -> "response";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletRequest request(String method, String uri, String contentType, byte[] body) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        ServletInputStream in = new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(FaultFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "/emulator";
                    case "getContentType" -> contentType;
                    case "getCharacterEncoding" -> null;
                    case "getInputStream" -> in;
                    case "isAsyncStarted" -> false;
                    case "getProtocol" -> "HTTP/1.1";
                    case "toString" -> method + " " + uri;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static HttpServletRequest request(String method, String uri) {
        return request(method, uri, null, new byte[0]);
    }

    /** An endpoint that answers 200 {"id":"video_1"} and records that it ran and what it read. */
    static final class Endpoint implements FilterChain {
        int calls;
        final AtomicReference<byte[]> read = new AtomicReference<>();

        @Override
        public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) throws IOException {
            calls++;
            read.set(req.getInputStream().readAllBytes());
            HttpServletResponse r = (HttpServletResponse) res;
            r.setStatus(200);
            r.setContentType("application/json");
            byte[] body = "{\"id\":\"video_1\",\"object\":\"video\"}".getBytes(StandardCharsets.UTF_8);
            r.setContentLength(body.length);
            r.getOutputStream().write(body);
        }
    }

    @Test
    void rateLimitAnswers429WithRetryAfterAndTheEndpointNeverRuns() throws Exception {
        FaultFilter f = filter("{\"rules\": [{\"fault\": \"rate_limit\", \"method\": \"POST\", \"path\": \"^/videos$\", \"count\": 1, \"retry_after\": 4}]}");
        Endpoint endpoint = new Endpoint();
        Sent sent = new Sent();
        f.doFilter(request("POST", "/emulator/v1/videos"), response(sent), endpoint);
        assertEquals(0, endpoint.calls);
        assertEquals(429, sent.status);
        assertEquals("4", sent.headers.get("Retry-After"));
        JsonObject error = sent.json().getJsonObject("error");
        assertEquals("requests", error.getString("type"));
        assertEquals("rate_limit_exceeded", error.getString("code"));
        assertTrue(error.isNull("param"));

        Sent next = new Sent();
        f.doFilter(request("POST", "/emulator/v1/videos"), response(next), endpoint);
        assertEquals(1, endpoint.calls, "count 1: the second create goes through");
        assertEquals(200, next.status);
        assertEquals(Map.of("POST /videos 429", 1L, "POST /videos 200", 1L), counters.requests());
        assertEquals(1, counters.faultsFired());
    }

    @Test
    void rateLimitWithoutRetryAfterSaysOneSecond() throws Exception {
        Sent sent = new Sent();
        filter("{\"rules\": [{\"fault\": \"rate_limit\"}]}").doFilter(request("GET", "/emulator/v1/videos"), response(sent), new Endpoint());
        assertEquals("1", sent.headers.get("Retry-After"));
    }

    @Test
    void serverErrorAndUnavailableAnswerInTheEnvelope() throws Exception {
        Sent error = new Sent();
        filter("{\"rules\": [{\"fault\": \"server_error\"}]}").doFilter(request("GET", "/emulator/v1/videos/video_9"), response(error), new Endpoint());
        assertEquals(500, error.status);
        assertEquals("server_error", error.json().getJsonObject("error").getString("type"));
        assertNull(error.headers.get("Retry-After"));

        Sent unavailable = new Sent();
        filter("{\"rules\": [{\"fault\": \"unavailable\", \"retry_after\": 30}]}").doFilter(request("GET", "/emulator/v1/videos"),
                response(unavailable), new Endpoint());
        assertEquals(503, unavailable.status);
        assertEquals("30", unavailable.headers.get("Retry-After"));
        assertEquals(1, counters.requests("GET /videos/{id} 500"));
        assertEquals(1, counters.requests("GET /videos 503"));
    }

    @Test
    void phaseAfterRunsTheEndpointThenReplacesItsAnswer() throws Exception {
        Endpoint endpoint = new Endpoint();
        Sent sent = new Sent();
        filter("{\"rules\": [{\"fault\": \"server_error\", \"phase\": \"after\"}]}").doFilter(request("POST", "/emulator/v1/videos"),
                response(sent), endpoint);
        assertEquals(1, endpoint.calls, "the video IS created");
        assertEquals(500, sent.status);
        JsonObject body = sent.json();
        assertFalse(body.containsKey("id"), "nothing of the endpoint's answer reaches the client: " + body);
        assertEquals("server_error", body.getJsonObject("error").getString("type"));
        assertEquals(String.valueOf(sent.body.size()), sent.headers.get("Content-Length"));
    }

    @Test
    void dropBeforePromisesMoreThanItSendsAndClosesTheStream() throws Exception {
        Endpoint endpoint = new Endpoint();
        Sent sent = new Sent();
        filter("{\"rules\": [{\"fault\": \"drop\"}]}").doFilter(request("GET", "/emulator/v1/videos"), response(sent), endpoint);
        assertEquals(0, endpoint.calls);
        assertTrue(sent.flushed && sent.closed);
        assertTrue(sent.body.size() > 0);
        assertEquals(sent.body.size() + FaultFilter.MISSING_BYTES, Long.parseLong(sent.headers.get("Content-Length")));
        assertEquals(1, counters.requests("GET /videos dropped"));
    }

    @Test
    void dropAfterSendsTheEndpointsStatusAndHalfItsBody() throws Exception {
        Endpoint endpoint = new Endpoint();
        Sent sent = new Sent();
        filter("{\"rules\": [{\"fault\": \"drop\", \"phase\": \"after\"}]}").doFilter(request("POST", "/emulator/v1/videos"), response(sent), endpoint);
        assertEquals(1, endpoint.calls);
        assertEquals(200, sent.status);
        byte[] full = "{\"id\":\"video_1\",\"object\":\"video\"}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Arrays.copyOf(full, full.length / 2), sent.body.toByteArray());
        assertEquals(full.length + FaultFilter.MISSING_BYTES, Long.parseLong(sent.headers.get("Content-Length")));
        assertTrue(sent.closed);
    }

    @Test
    void slowHoldsTheAnswerBackThenAnswersNormally() throws Exception {
        Endpoint endpoint = new Endpoint();
        Sent before = new Sent();
        long start = System.nanoTime();
        filter("{\"rules\": [{\"fault\": \"slow\", \"delay_ms\": 300}]}").doFilter(request("GET", "/emulator/v1/videos"), response(before), endpoint);
        assertTrue(System.nanoTime() - start >= 300_000_000L);
        assertEquals(200, before.status);
        assertEquals("video_1", before.json().getString("id"));

        Sent after = new Sent();
        start = System.nanoTime();
        filter("{\"rules\": [{\"fault\": \"slow\", \"delay_ms\": 300, \"phase\": \"after\"}]}").doFilter(request("GET", "/emulator/v1/videos"),
                response(after), endpoint);
        assertTrue(System.nanoTime() - start >= 300_000_000L);
        assertEquals(2, endpoint.calls);
        assertEquals("video_1", after.json().getString("id"));
        assertEquals(2, counters.requests("GET /videos 200"));
    }

    @Test
    void controlRequestsPassUntouchedAndUncounted() throws Exception {
        Endpoint endpoint = new Endpoint();
        Sent sent = new Sent();
        filter("{\"rules\": [{\"fault\": \"server_error\"}]}").doFilter(request("PUT", "/emulator/v1/control/faults"), response(sent), endpoint);
        assertEquals(1, endpoint.calls);
        assertEquals(200, sent.status);
        assertEquals(Map.of(), counters.requests());
    }

    @Test
    void aRuleNamingAModelReadsTheBodyAndTheEndpointStillGetsAllOfIt() throws Exception {
        FaultFilter f = filter("{\"rules\": [{\"fault\": \"unavailable\", \"model\": \"sora-2-pro\"}]}");
        byte[] other = "{\"model\":\"sora-2\",\"prompt\":\"A kite.\"}".getBytes(StandardCharsets.UTF_8);
        Endpoint endpoint = new Endpoint();
        Sent ok = new Sent();
        f.doFilter(request("POST", "/emulator/v1/videos", "application/json", other), response(ok), endpoint);
        assertEquals(200, ok.status);
        assertArrayEquals(other, endpoint.read.get(), "the endpoint reads the body the filter already read");

        Sent refused = new Sent();
        f.doFilter(request("POST", "/emulator/v1/videos", "application/json",
                "{\"model\":\"sora-2-pro\",\"prompt\":\"A kite.\"}".getBytes(StandardCharsets.UTF_8)), response(refused), endpoint);
        assertEquals(503, refused.status);
    }

    @Test
    void findsTheModelInJsonAndMultipartBodies() {
        assertEquals("sora-2-pro", FaultFilter.modelOf("{\"prompt\":\"x\",\"model\":\"sora-2-pro\"}".getBytes(StandardCharsets.UTF_8),
                "application/json; charset=utf-8"));
        assertNull(FaultFilter.modelOf("{\"prompt\":\"x\"}".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertNull(FaultFilter.modelOf("{\"model\":3}".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertNull(FaultFilter.modelOf("not json".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertNull(FaultFilter.modelOf(new byte[0], "application/json"));

        String boundary = "----dailies42";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nA model train.\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"ref.jpg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u00ff\u00d8model\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nsora-2-pro\r\n"
                + "--" + boundary + "--\r\n";
        assertEquals("sora-2-pro", FaultFilter.modelOf(multipart.getBytes(StandardCharsets.ISO_8859_1),
                "multipart/form-data; boundary=" + boundary));
        assertEquals("sora-2-pro", FaultFilter.modelOf(multipart.getBytes(StandardCharsets.ISO_8859_1),
                "multipart/form-data; boundary=\"" + boundary + "\""));
        assertNull(FaultFilter.modelOf(multipart.replace("name=\"model\"", "name=\"size\"").getBytes(StandardCharsets.ISO_8859_1),
                "multipart/form-data; boundary=" + boundary));
    }

    @Test
    void thePathIsWhatFollowsTheEmulatorsBase() {
        assertEquals("/videos/video_1/content", FaultFilter.apiPath(request("GET", "/emulator/v1/videos/video_1/content")));
        assertEquals("/", FaultFilter.apiPath(request("GET", "/emulator/v1")));
    }
}
