package io.dailies.provider;

import io.dailies.platform.CrashPoints;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What every provider call shares: one Jakarta REST client, the key and account headers, retries with
 * backoff and jitter honouring Retry-After, the error envelope turned into {@link ProviderException},
 * and the key kept out of every message. {@link VideoProvider}, {@link ProviderFiles} and
 * {@link ProviderBatches} speak their endpoints through it.
 *
 * <p>Two kinds of call. A <em>read</em> (retrieve, list, download, delete, cancel) is repeated on
 * 408, 409, 429, 500, 502, 503, 504, lost connections and unreadable answers. A <em>create</em>
 * (anything that may start a paid generation or make a resource: videos, remixes, extensions, edits,
 * batches, uploads) is repeated only when the provider surely did not act on it (no connection, 408,
 * 409, 429); after a timeout, a 5xx or an unreadable answer it is raised as
 * {@link ProviderException#ambiguous()} for the ledger to reconcile, never sent blind a second time.
 */
@ApplicationScoped
public class ProviderHttp {

    private static final Logger LOG = Logger.getLogger(ProviderHttp.class.getName());
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 409, 429, 500, 502, 503, 504);

    enum Mode { READ, CREATE }

    private final ProviderSettings settings;
    private final ProviderLimiter limiter;
    private final ProviderClock clock;
    private volatile Client client;

    /** For CDI's proxy only. */
    protected ProviderHttp() {
        this.settings = null;
        this.limiter = null;
        this.clock = null;
    }

    @Inject
    public ProviderHttp(ProviderSettings settings, ProviderLimiter limiter) {
        this(settings, limiter, ProviderClock.SYSTEM);
    }

    /** With a clock of the caller's: tests take the retry pauses without waiting for them. */
    public ProviderHttp(ProviderSettings settings, ProviderLimiter limiter, ProviderClock clock) {
        this.settings = settings;
        this.limiter = limiter == null ? ProviderLimiter.unlimited() : limiter;
        this.clock = clock;
    }

    public ProviderSettings settings() {
        return settings;
    }

    public ProviderLimiter limiter() {
        return limiter;
    }

    // --- building requests ---

    WebTarget target() {
        return client().target(settings.baseUrl());
    }

    /** A request that expects JSON back, with the key and account headers. */
    Invocation.Builder request(WebTarget target) {
        return request(target, MediaType.APPLICATION_JSON_TYPE);
    }

    Invocation.Builder request(WebTarget target, MediaType accept) {
        Invocation.Builder b = target.request(accept);
        if (settings.apiKey().isPresent()) {
            b = b.header("Authorization", "Bearer " + settings.apiKey().get());
        }
        if (settings.organization().isPresent()) {
            b = b.header("OpenAI-Organization", settings.organization().get());
        }
        if (settings.project().isPresent()) {
            b = b.header("OpenAI-Project", settings.project().get());
        }
        return b;
    }

    static Entity<String> json(JsonObject body) {
        return Entity.entity(body.toString(), MediaType.APPLICATION_JSON_TYPE);
    }

    /** A multipart body, opened afresh for each attempt; a local file that cannot be read is the caller's problem. */
    static Entity<InputStream> multipart(Multipart body) {
        try {
            return Entity.entity(body.open(), body.contentType());
        } catch (IOException e) {
            throw new LocalFileException("Cannot read the file to upload: " + e.getMessage(), e);
        }
    }

    // --- calling ---

    /** A call that may be repeated (it creates nothing): retried on every transient failure. */
    <T> T read(String what, Supplier<Response> send, Function<Response, T> onSuccess) {
        return call(what, Mode.READ, null, settings.apiKey(), send, onSuccess);
    }

    /**
     * A call that may start a paid generation or make a resource. It first takes a request slot of the
     * model's rate limit (a null model is not limited here), and is repeated only when the provider surely
     * did not act on it.
     */
    <T> T create(String what, String model, Supplier<Response> send, Function<Response, T> onSuccess) {
        return call(what, Mode.CREATE, model, settings.apiKey(), send, onSuccess);
    }

    /**
     * POSTs a JSON body to another OpenAI-compatible endpoint (e.g. a judge model's /chat/completions),
     * with the same retries and error handling; the key is the given one, or none.
     */
    public JsonObject postJson(String baseUrl, Optional<String> key, String path, JsonObject body) {
        return call("POST " + path, Mode.READ, null, key, () -> {
            Invocation.Builder b = client().target(baseUrl).path(path).request(MediaType.APPLICATION_JSON_TYPE);
            if (key.isPresent()) {
                b = b.header("Authorization", "Bearer " + key.get());
            }
            return b.post(json(body));
        }, ProviderHttp::json);
    }

    /** Downloads a body to a file, atomically (a .part file moved into place); answers its SHA-256. */
    String download(String what, Supplier<Response> send, Path target) {
        return read(what, send, r -> {
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try {
                String sha = copy(r, partial);
                // Crash tests: the bytes are on disk, not yet in place, and the ledger does not know of them.
                CrashPoints.reach("render.downloading");
                moveIntoPlace(partial, target);
                return sha;
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a leftover .part is harmless: the next download replaces it
                }
            }
        });
    }

    /** A small text body (e.g. a batch's JSONL output), as UTF-8. */
    String text(String what, Supplier<Response> send) {
        return read(what, send, r -> new String(r.readEntity(byte[].class), StandardCharsets.UTF_8));
    }

    private <T> T call(String what, Mode mode, String model, Optional<String> key, Supplier<Response> send,
                       Function<Response, T> onSuccess) {
        for (int attempt = 0; ; attempt++) {
            if (mode == Mode.CREATE) {
                awaitRequestSlot(what, model);
            }
            Response response;
            try {
                response = send.get();
            } catch (ProcessingException e) {
                String why = Secrets.redact(rootMessage(e), key);
                if (mode == Mode.CREATE && !neverSent(e)) {
                    throw new ProviderException(ProviderException.Kind.UNAVAILABLE, 0, null, null,
                            what + ": no answer (" + why + ")", true);
                }
                if (attempt >= settings.maxRetries()) {
                    throw new ProviderException(ProviderException.Kind.UNAVAILABLE, 0, null, null,
                            what + ": " + why + " after " + (attempt + 1) + " attempts", false);
                }
                pause(attempt, -1, what + ": " + why);
                continue;
            }
            try {
                int status = response.getStatus();
                if (status / 100 == 2) {
                    try {
                        return onSuccess.apply(response);
                    } catch (ProviderException | LocalFileException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // A cut-off download or an unreadable answer. After a create the provider may well
                        // have made the resource, so the ledger must reconcile; a read is simply repeated.
                        String why = what + ": incomplete or unreadable answer (" + Secrets.redact(rootMessage(e), key) + ")";
                        if (mode == Mode.CREATE) {
                            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, status, null, null, why, true);
                        }
                        if (attempt >= settings.maxRetries()) {
                            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, status, null, null,
                                    why + " after " + (attempt + 1) + " attempts", false);
                        }
                        pause(attempt, -1, why);
                        continue;
                    }
                }
                long retryAfter = retryAfterMillis(response.getHeaderString("retry-after-ms"),
                        response.getHeaderString("Retry-After"), clock.millis());
                ProviderException failure = ProviderErrors.from(status, readQuietly(response), key, retryAfter);
                if (mode == Mode.CREATE && status >= 500) {
                    // A 5xx to a create may hide a created generation: hand it to the ledger instead of repeating it.
                    throw failure.asAmbiguous();
                }
                if (!RETRYABLE_STATUS.contains(status) || !failure.kind().retryable()) {
                    throw failure;
                }
                if (attempt >= settings.maxRetries()) {
                    throw attempt == 0 ? failure : failure.withNote("after " + (attempt + 1) + " attempts");
                }
                if (retryAfter > settings.backoffCapMs()) {
                    // Honour the provider: no early retry. The caller decides whether to come back later.
                    throw failure.withNote("the provider asks to wait " + retryAfter / 1000 + " s, longer than"
                            + " dailies.provider.backoff-cap-ms");
                }
                pause(attempt, retryAfter, what + ": HTTP " + status);
            } finally {
                response.close();
            }
        }
    }

    private void awaitRequestSlot(String what, String model) {
        try {
            limiter.acquireRequest(model);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, 0, null, null,
                    what + ": interrupted while waiting for a request slot of " + model, false);
        }
    }

    private void pause(int attempt, long retryAfterMillis, String why) {
        long wait = delayMillis(attempt, retryAfterMillis);
        LOG.fine(() -> why + "; retry " + (attempt + 1) + " of " + settings.maxRetries() + " in " + wait + " ms");
        try {
            clock.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, 0, null, null,
                    "interrupted while waiting to retry (" + why + ")", false);
        }
    }

    /**
     * Exponential backoff with jitter: between half and all of min(cap, base * 2^attempt). A Retry-After
     * from the provider is a floor.
     */
    long delayMillis(int attempt, long retryAfterMillis) {
        long ceiling = Math.min(settings.backoffCapMs(), settings.backoffBaseMs() << Math.min(attempt, 20));
        long wait = ceiling <= 1 ? ceiling : ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling - ceiling / 2 + 1);
        return retryAfterMillis >= 0 ? Math.max(retryAfterMillis, wait / 4) : wait;
    }

    /**
     * How long the provider asks us to wait, in ms, or -1: OpenAI's retry-after-ms first, then Retry-After
     * as seconds or as an HTTP date.
     */
    static long retryAfterMillis(String retryAfterMs, String retryAfter, long nowMillis) {
        if (retryAfterMs != null && !retryAfterMs.isBlank()) {
            try {
                double ms = Double.parseDouble(retryAfterMs.trim());
                if (ms >= 0 && !Double.isInfinite(ms)) {
                    return (long) Math.ceil(ms);
                }
            } catch (NumberFormatException ignored) {
                // fall back to Retry-After
            }
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return -1;
        }
        String v = retryAfter.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 || Double.isInfinite(seconds) ? -1 : (long) Math.ceil(seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - nowMillis);
            } catch (DateTimeParseException notADate) {
                return -1;
            }
        }
    }

    // --- answers ---

    static JsonObject json(Response r) {
        String body = new String(r.readEntity(byte[].class), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String readQuietly(Response r) {
        try {
            return r.hasEntity() ? new String(r.readEntity(byte[].class), StandardCharsets.UTF_8) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Streams the answer into the file; a read failure is the provider's, a write failure is ours. */
    private static String copy(Response r, Path partial) {
        MessageDigest sha = sha256();
        OutputStream out;
        try {
            Path dir = partial.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            out = Files.newOutputStream(partial);
        } catch (IOException e) {
            throw new LocalFileException("Cannot write " + partial + ": " + e.getMessage(), e);
        }
        try (InputStream in = r.readEntity(InputStream.class)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new LocalFileException("Cannot write " + partial + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the download was cut off: " + e.getMessage(), e);
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                throw new LocalFileException("Cannot write " + partial + ": " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void moveIntoPlace(Path partial, Path target) {
        try {
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalFileException("Cannot move the download into " + target + ": " + e.getMessage(), e);
        }
    }

    // --- transport failures ---

    /** Whether the request surely never reached the provider (no connection was made). */
    static boolean neverSent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException
                    || c.getClass().getSimpleName().contains("ConnectTimeout")
                    || (c instanceof SocketTimeoutException && String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect timed out"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        if (c instanceof SocketTimeoutException) {
            return "timed out";
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Client client() {
        Client c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = ClientBuilder.newBuilder()
                            .connectTimeout(settings.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                            .readTimeout(settings.readTimeoutMs(), TimeUnit.MILLISECONDS)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @PreDestroy
    public void close() {
        Client c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    /** A file of ours that cannot be read or written: not the provider's trouble, so neither retried nor typed. */
    public static final class LocalFileException extends UncheckedIOException {
        LocalFileException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
