package io.dailies.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
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
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenAI-compatible Videos API, spoken with the Jakarta REST client. Provider-neutral: base
 * URL, key and timeouts come from configuration; the built-in emulator is the default.
 * Transient failures are retried with exponential backoff and jitter, honouring Retry-After.
 */
@ApplicationScoped
public class VideoProvider {

    private static final Logger LOG = Logger.getLogger(VideoProvider.class.getName());
    private static final long BACKOFF_BASE_MS = 500;
    private static final long BACKOFF_CAP_MS = 30_000;

    @Inject @ConfigProperty(name = "dailies.provider.base-url") String baseUrl;
    @Inject @ConfigProperty(name = "dailies.provider.api-key") Optional<String> apiKey;
    @Inject @ConfigProperty(name = "dailies.provider.organization") Optional<String> organization;
    @Inject @ConfigProperty(name = "dailies.provider.project") Optional<String> project;
    @Inject @ConfigProperty(name = "dailies.provider.connect-timeout-ms", defaultValue = "5000") long connectTimeoutMs;
    @Inject @ConfigProperty(name = "dailies.provider.read-timeout-ms", defaultValue = "60000") long readTimeoutMs;
    @Inject @ConfigProperty(name = "dailies.provider.max-retries", defaultValue = "6") int maxRetries;

    private volatile Client client;

    public record Page(List<VideoJob> videos, boolean hasMore, String lastId) {
    }

    /**
     * Creates a generation. A failure where the request may have reached the provider (a timeout,
     * a 5xx) is raised as {@link ProviderException#ambiguous()} and not retried here: the ledger
     * reconciles it against the provider's list before anything is sent again.
     */
    public VideoJob create(VideoRequest request, String idempotencyKey) {
        return call("create video", true,
                () -> request(target().path("videos")).header("Idempotency-Key", idempotencyKey)
                        .post(Entity.entity(request.toJson().toString(), MediaType.APPLICATION_JSON_TYPE)),
                r -> VideoJob.from(json(r)));
    }

    public VideoJob retrieve(String videoId) {
        return call("retrieve video", false,
                () -> request(target().path("videos").path(videoId)).get(),
                r -> VideoJob.from(json(r)));
    }

    /** One page of the account's videos, newest first. */
    public Page list(String after, int limit) {
        return call("list videos", false, () -> {
            WebTarget t = target().path("videos").queryParam("limit", limit).queryParam("order", "desc");
            if (after != null) {
                t = t.queryParam("after", after);
            }
            return request(t).get();
        }, r -> {
            JsonObject page = json(r);
            JsonArray data = page.getJsonArray("data");
            List<VideoJob> videos = new ArrayList<>(data.size());
            for (JsonValue v : data) {
                videos.add(VideoJob.from(v.asJsonObject()));
            }
            String lastId = page.isNull("last_id") ? null : page.getString("last_id", null);
            return new Page(videos, page.getBoolean("has_more", false), lastId);
        });
    }

    /** Downloads a variant (video, thumbnail, spritesheet) to a file, atomically; answers its SHA-256. */
    public String download(String videoId, String variant, Path target) {
        return call("download " + variant, false,
                () -> request(target().path("videos").path(videoId).path("content").queryParam("variant", variant))
                        .accept(MediaType.WILDCARD_TYPE).get(),
                r -> {
                    Path partial = target.resolveSibling(target.getFileName() + ".part");
                    try {
                        String sha;
                        try (InputStream in = r.readEntity(InputStream.class);
                             DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256())) {
                            in.transferTo(out);
                            out.flush();
                            sha = HexFormat.of().formatHex(out.getMessageDigest().digest());
                        }
                        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                        return sha;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        try {
                            Files.deleteIfExists(partial);
                        } catch (IOException ignored) {
                            // a leftover .part is harmless: the next download replaces it
                        }
                    }
                });
    }

    /**
     * POSTs a JSON body to another OpenAI-compatible endpoint (e.g. a judge model's /chat/completions),
     * with the same retries and error handling; the key is the given one, or none.
     */
    public JsonObject postJson(String baseUrl, Optional<String> key, String path, JsonObject body) {
        return call("POST " + path, false, () -> {
            Invocation.Builder b = client().target(baseUrl).path(path).request(MediaType.APPLICATION_JSON_TYPE);
            if (key.isPresent()) {
                b = b.header("Authorization", "Bearer " + key.get());
            }
            return b.post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON_TYPE));
        }, VideoProvider::json);
    }

    /** The provider's key, for a judge that runs on the same gateway. */
    Optional<String> apiKey() {
        return apiKey;
    }

    private <T> T call(String what, boolean creates, Supplier<Response> send, Function<Response, T> onSuccess) {
        for (int attempt = 0; ; attempt++) {
            Response response;
            try {
                response = send.get();
            } catch (ProcessingException e) {
                boolean neverSent = causedBy(e, ConnectException.class);
                if (creates && !neverSent) {
                    throw new ProviderException(ProviderException.Kind.UNAVAILABLE, 0, null, null,
                            what + ": no answer (" + rootMessage(e) + ")", true);
                }
                if (attempt >= maxRetries) {
                    throw new ProviderException(ProviderException.Kind.UNAVAILABLE, 0, null, null,
                            what + ": " + rootMessage(e) + " after " + (attempt + 1) + " attempts", false);
                }
                pause(attempt, null, what + ": " + rootMessage(e));
                continue;
            }
            try {
                int status = response.getStatus();
                if (status / 100 == 2) {
                    try {
                        return onSuccess.apply(response);
                    } catch (ProviderException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // A cut-off download or an unreadable answer: the provider's trouble, retried by the caller.
                        // After a create it may well have made the generation, so the ledger must reconcile.
                        throw new ProviderException(ProviderException.Kind.UNAVAILABLE, status, null, null,
                                what + ": incomplete or unreadable answer (" + rootMessage(e) + ")", creates);
                    }
                }
                ProviderException failure = ProviderErrors.from(status, readQuietly(response));
                // A 5xx to a create may hide a created generation: hand it to the ledger instead of repeating it.
                boolean mayHaveCreated = creates && status >= 500;
                if (mayHaveCreated) {
                    throw new ProviderException(failure.kind(), status, failure.code(), failure.param(),
                            failure.getMessage(), true);
                }
                if (!failure.kind().retryable() || attempt >= maxRetries) {
                    throw failure;
                }
                pause(attempt, response.getHeaderString("Retry-After"), what + ": HTTP " + status);
            } finally {
                response.close();
            }
        }
    }

    /** Exponential backoff with full jitter; a Retry-After from the provider is a floor. */
    private static void pause(int attempt, String retryAfter, String why) {
        long cap = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS << Math.min(attempt, 16));
        long wait = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        if (retryAfter != null) {
            try {
                wait = Math.max(wait / 4, (long) (Double.parseDouble(retryAfter.trim()) * 1000));
            } catch (NumberFormatException ignored) {
                // an HTTP date: keep our own backoff
            }
        }
        LOG.fine(() -> why + "; retrying");
        try {
            TimeUnit.MILLISECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, 0, null, null, "interrupted while waiting to retry", false);
        }
    }

    private Invocation.Builder request(WebTarget target) {
        Invocation.Builder b = target.request(MediaType.APPLICATION_JSON_TYPE);
        if (apiKey.isPresent()) {
            b = b.header("Authorization", "Bearer " + apiKey.get());
        }
        if (organization.isPresent()) {
            b = b.header("OpenAI-Organization", organization.get());
        }
        if (project.isPresent()) {
            b = b.header("OpenAI-Project", project.get());
        }
        return b;
    }

    private WebTarget target() {
        return client().target(baseUrl);
    }

    private Client client() {
        Client c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = ClientBuilder.newBuilder()
                            .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                            .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private static JsonObject json(Response r) {
        try (JsonReader reader = Json.createReader(new StringReader(r.readEntity(String.class)))) {
            return reader.readObject();
        }
    }

    private static String readQuietly(Response r) {
        try {
            return r.hasEntity() ? r.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
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

}
