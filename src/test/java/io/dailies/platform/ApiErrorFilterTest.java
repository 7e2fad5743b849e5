package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Error (out of memory) or any failure the JAX-RS layer let through is answered in the problem shape with
 * a reference that is in the server log, never the container's own text or HTML page.
 */
class ApiErrorFilterTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(ApiProblem.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(ApiProblem.class.getName()).removeHandler(capture);
    }

    @Test
    void outOfMemoryWhileAnsweringIsAProblemAnswerWithTheLoggedReference() throws Exception {
        FakeResponse response = new FakeResponse(false);
        response.headers.put("Content-Type", "text/html");
        FilterChain chain = (req, res) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        new ApiErrorFilter().doFilter(null, response.proxy(), chain);

        assertEquals(500, response.status);
        assertEquals("application/json", response.contentType);
        assertTrue(response.wasReset, "whatever was set before is cleared");
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(500, body.getInt("status"));
        assertEquals("Internal Server Error", body.getString("title"));
        String detail = body.getString("detail");
        assertTrue(detail.contains("ran out of memory"), detail);
        assertFalse(detail.contains("Java heap space"), "no internals: " + detail);
        String reference = reference(detail);
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains(reference) && r.getThrown() instanceof OutOfMemoryError),
                "the reference " + reference + " is in the server log with the error");
    }

    @Test
    void anyOtherFailureLetThroughIsAProblemAnswerToo() throws Exception {
        FakeResponse response = new FakeResponse(false);
        new ApiErrorFilter().doFilter(null, response.proxy(), (req, res) -> {
            throw new jakarta.servlet.ServletException(new IllegalStateException("internals at /srv/dailies"));
        });
        assertEquals(500, response.status);
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertTrue(body.getString("detail").contains("could not complete the request"), body.toString());
        assertFalse(response.body().contains("/srv/dailies"), response.body());
        String reference = reference(body.getString("detail"));
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains(reference)), "logged with its reference");
    }

    @Test
    void anAnswerAlreadyOnItsWayIsNotRewrittenButTheFailureGoesOn() {
        FakeResponse response = new FakeResponse(true);
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class,
                () -> new ApiErrorFilter().doFilter(null, response.proxy(), (req, res) -> {
                    throw oom;
                }));
        assertSame(oom, thrown);
        assertEquals(0, response.out.size(), "nothing appended to a committed answer");
    }

    @Test
    void aRequestThatSucceedsIsLeftAlone() throws Exception {
        FakeResponse response = new FakeResponse(false);
        new ApiErrorFilter().doFilter(null, response.proxy(), (req, res) -> ((HttpServletResponse) res).setStatus(204));
        assertEquals(204, response.status);
        assertFalse(response.wasReset);
    }

    @Test
    void theJaxRsMapperAnswersAnErrorTheSameWay() {
        jakarta.ws.rs.core.Response r = new ApiProblem.Unexpected().toResponse(new OutOfMemoryError("Java heap space"));
        assertEquals(500, r.getStatus());
        String body = (String) r.getEntity();
        assertTrue(body.contains("\"status\":500") && body.contains("ran out of memory"), body);
        String reference = reference(body);
        assertTrue(logged.stream().anyMatch(rec -> rec.getMessage().contains(reference)), "logged with its reference");
        jakarta.ws.rs.core.Response other = new ApiProblem.Unexpected().toResponse(new StackOverflowError());
        assertTrue(((String) other.getEntity()).contains("could not complete the request"), (String) other.getEntity());
    }

    private static String reference(String detail) {
        Matcher m = Pattern.compile("error ([0-9a-f]{8}) in the server log").matcher(detail);
        assertTrue(m.find(), "a reference in: " + detail);
        return m.group(1);
    }

    /** Just enough of a servlet response to see what the filter did with it. */
    static final class FakeResponse {
        final boolean committed;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = 200;
        String contentType;
        boolean wasReset;

        FakeResponse(boolean committed) {
            this.committed = committed;
        }

        String body() {
            return out.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    out.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (p, method, args) -> switch (method.getName()) {
                        case "isCommitted" -> committed;
                        case "reset" -> {
                            wasReset = true;
                            headers.clear();
                            status = 200;
                            contentType = null;
                            yield null;
                        }
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "getStatus" -> status;
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "getOutputStream" -> stream;
                        default -> null;
                    });
        }
    }
}
