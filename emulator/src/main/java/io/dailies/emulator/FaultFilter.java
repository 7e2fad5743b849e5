package io.dailies.emulator;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults a gateway produces on the wire, in front of every emulator endpoint: 429 with Retry-After,
 * 500, 503, an answer held back past the client's read timeout, and a connection cut mid-answer.
 * With phase "after" the endpoint runs first (the video IS created) and its answer is then lost,
 * the ambiguous case a client's ledger has to reconcile. Also counts every answered request.
 */
@WebFilter(urlPatterns = "/v1/*", asyncSupported = true)
public class FaultFilter extends HttpFilter {

    static final String PREFIX = "/v1";
    /** A dropped answer promises this many bytes more than it sends. */
    static final int MISSING_BYTES = 1024;

    @Inject
    Faults faults;

    @Inject
    RequestCounters counters;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = apiPath(request);
        if (Faults.isControl(path)) {
            chain.doFilter(request, response); // test machinery: neither faulted nor counted
            return;
        }
        String method = request.getMethod();
        HttpServletRequest in = request;
        String model = null;
        if (faults.wantsModel(method, path)) {
            ReadAgain buffered = new ReadAgain(request);
            model = modelOf(buffered.body, request.getContentType());
            in = buffered;
        }
        Faults.HttpFault fault = faults.httpFault(method, path, model);
        pause(fault.delayBeforeMs());
        if (!fault.processes()) {
            answer(fault.rule(), response, null);
            counters.count(method, path, outcome(fault.rule(), response));
            return;
        }
        if (!fault.holdsAnswer()) {
            pass(in, response, chain, method, path);
            return;
        }
        HeldResponse held = new HeldResponse(response);
        try {
            chain.doFilter(in, held);
        } catch (IOException | ServletException | RuntimeException e) {
            counters.count(method, path, "500");
            throw e;
        }
        pause(fault.delayAfterMs());
        if (fault.rule() == null) {
            held.release(); // slow, phase "after": the normal answer, late
            counters.count(method, path, Integer.toString(response.getStatus()));
        } else {
            answer(fault.rule(), response, held);
            counters.count(method, path, outcome(fault.rule(), response));
        }
    }

    private void pass(HttpServletRequest in, HttpServletResponse response, FilterChain chain, String method, String path)
            throws IOException, ServletException {
        try {
            chain.doFilter(in, response);
        } catch (IOException | ServletException | RuntimeException e) {
            counters.count(method, path, "500"); // the container answers an escaped exception with 500
            throw e;
        }
        if (in.isAsyncStarted()) {
            in.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    counters.count(method, path, Integer.toString(response.getStatus()));
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
        } else {
            counters.count(method, path, Integer.toString(response.getStatus()));
        }
    }

    private static String outcome(FaultPlan.Rule rule, HttpServletResponse response) {
        return rule.fault() == FaultPlan.Kind.DROP ? "dropped" : Integer.toString(response.getStatus());
    }

    /** The fault's answer in place of (before) or instead of (after, {@code held} set) the endpoint's. */
    static void answer(FaultPlan.Rule rule, HttpServletResponse response, HeldResponse held) throws IOException {
        switch (rule.fault()) {
            case RATE_LIMIT -> error(response, 429, "requests", or(rule.code(), "rate_limit_exceeded"),
                    or(rule.message(), "Rate limit reached for requests. Please try again in "
                            + or(rule.retryAfter(), 1) + "s."), or(rule.retryAfter(), 1));
            case SERVER_ERROR -> error(response, 500, "server_error", rule.code(),
                    or(rule.message(), "The server had an error while processing your request. Sorry about that!"), null);
            case UNAVAILABLE -> error(response, 503, "server_error", rule.code(),
                    or(rule.message(), "The service is temporarily unavailable. Please try again later."), rule.retryAfter());
            case DROP -> {
                if (held == null) {
                    response.setStatus(200);
                    response.setContentType("application/json");
                    cut(response, "{\"id\":\"video_".getBytes(StandardCharsets.US_ASCII));
                } else {
                    // The endpoint's own status and headers go out, then half of its body, then nothing.
                    byte[] body = held.bytes();
                    byte[] start = Arrays.copyOf(body, body.length / 2);
                    cut(response, start, body.length + MISSING_BYTES);
                }
            }
            default -> throw new IllegalStateException("not an HTTP fault: " + rule.fault());
        }
    }

    private static void error(HttpServletResponse response, int status, String type, String code, String message,
                              Integer retryAfter) throws IOException {
        response.reset(); // whatever the endpoint put there (phase "after") is lost
        response.setStatus(status);
        response.setContentType("application/json");
        if (retryAfter != null) {
            response.setHeader("Retry-After", Integer.toString(retryAfter));
        }
        byte[] body = EmulatorErrors.envelope(type, null, code, message).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void cut(HttpServletResponse response, byte[] start) throws IOException {
        cut(response, start, start.length + MISSING_BYTES);
    }

    /**
     * Promises {@code promised} bytes, sends {@code start}, and ends the response short, with nothing but
     * the Servlet API. On HTTP/1.1 a response with a Content-Length is written to a fixed-length channel;
     * closing it with bytes still owed fails ("N bytes remaining"), and the container has no way left to
     * finish the exchange but to close the connection. So the client gets the status line, the headers and
     * part of the body, then end of stream: an IOException (the JDK's HttpClient says "fixed content-length:
     * N, bytes received: M"), never a complete 200.
     *
     * <p>On HTTP/2 (h2c) the container may end the stream instead of the connection, and a lenient client
     * could take the short body for the whole answer: the drop fault is meant for HTTP/1.1 clients, which
     * is what the product's provider client and the official SDKs speak to a plain-HTTP base URL.
     */
    static void cut(HttpServletResponse response, byte[] start, long promised) throws IOException {
        response.setContentLengthLong(promised);
        ServletOutputStream out = response.getOutputStream();
        out.write(start);
        out.flush(); // the status line, the headers and the first bytes are on the wire
        try {
            out.close();
        } catch (IOException expected) {
            // the container refused to end short and cut the connection: that is the point
        }
    }

    private static void pause(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The path after /emulator/v1, e.g. "/videos/video_123/content". */
    static String apiPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        if (path.startsWith(PREFIX)) {
            path = path.substring(PREFIX.length());
        }
        return path.isEmpty() ? "/" : path;
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MODEL_PART = Pattern.compile("content-disposition:[^\\r\\n]*\\bname=\"?model\"?(;|\\s*\\r?\\n)",
            Pattern.CASE_INSENSITIVE);

    /** The "model" of a create request, JSON or multipart; null when there is none or the body is unreadable. */
    static String modelOf(byte[] body, String contentType) {
        if (body.length == 0 || contentType == null) {
            return null;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                JsonValue v = reader.readValue();
                if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                    JsonObject o = v.asJsonObject();
                    return o.get("model") instanceof JsonString s ? s.getString() : null;
                }
            } catch (RuntimeException unreadable) {
                return null; // the endpoint answers it with its own 400
            }
            return null;
        }
        if (type.startsWith("multipart/form-data")) {
            Matcher b = BOUNDARY.matcher(contentType);
            if (!b.find()) {
                return null;
            }
            String boundary = "--" + (b.group(2) != null ? b.group(2) : b.group(1));
            // ISO-8859-1 maps every byte to one char, so offsets stay byte offsets.
            String text = new String(body, StandardCharsets.ISO_8859_1);
            int at = text.indexOf(boundary);
            while (at >= 0) {
                int headersEnd = text.indexOf("\r\n\r\n", at);
                int next = text.indexOf("\r\n" + boundary, at + boundary.length());
                if (headersEnd < 0 || next < 0 || headersEnd > next) {
                    return null;
                }
                if (MODEL_PART.matcher(text.substring(at, headersEnd + 2)).find()) {
                    return new String(body, headersEnd + 4, next - headersEnd - 4, StandardCharsets.UTF_8).trim();
                }
                at = next + 2;
            }
        }
        return null;
    }

    private static String or(String given, String otherwise) {
        return given == null ? otherwise : given;
    }

    private static int or(Integer given, int otherwise) {
        return given == null ? otherwise : given;
    }

    /** The request with its body read once (to find its model) and served again to the endpoint. */
    static final class ReadAgain extends HttpServletRequestWrapper {
        final byte[] body;

        ReadAgain(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
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
                    throw new UnsupportedOperationException("the emulator reads requests blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /**
     * The endpoint's answer kept in memory: status and headers go to the real response (nothing is
     * sent before the body), the body stays here until {@link #release()} or a fault replaces it.
     */
    static final class HeldResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;

        HeldResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() was already called");
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("the emulator writes answers blocking");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was already called");
            }
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(body, charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            super.reset();
            body.reset();
        }

        @Override
        public void sendError(int sc) {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) {
            // Not the container's error page: the answer must stay in memory like any other.
            reset();
            setStatus(sc);
            if (msg != null) {
                body.writeBytes(msg.getBytes(StandardCharsets.UTF_8));
            }
        }

        byte[] bytes() {
            flushBuffer();
            return body.toByteArray();
        }

        /** Sends the held answer as it is. */
        void release() throws IOException {
            byte[] b = bytes();
            HttpServletResponse real = (HttpServletResponse) getResponse();
            if (b.length > 0) {
                real.getOutputStream().write(b);
            }
        }
    }
}
