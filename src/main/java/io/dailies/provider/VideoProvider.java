package io.dailies.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The OpenAI-compatible Videos API: generations (create, remix, extend, edit), their status, their
 * content, and characters. Provider-neutral: base URL, key and timeouts come from configuration
 * ({@link ProviderSettings}); the built-in emulator is the default. Retries, typed errors and the
 * ledger's "ambiguous" outcome are {@link ProviderHttp}'s.
 */
@ApplicationScoped
public class VideoProvider {

    private final ProviderHttp http;

    public record Page(List<VideoJob> videos, boolean hasMore, String lastId) {
    }

    /** For CDI's proxy only. */
    protected VideoProvider() {
        this.http = null;
    }

    @Inject
    public VideoProvider(ProviderHttp http) {
        this.http = http;
    }

    // --- generations ---

    /**
     * Creates a generation. A failure where the request may have reached the provider (a timeout,
     * a 5xx) is raised as {@link ProviderException#ambiguous()} and not retried here: the ledger
     * reconciles it against the provider's list before anything is sent again.
     */
    public VideoJob create(VideoRequest request, String idempotencyKey) {
        return http.create("create video", request.model(),
                () -> withKey(http.request(http.target().path("videos")), idempotencyKey).post(ProviderHttp.json(request.toJson())),
                r -> VideoJob.from(ProviderHttp.json(r)));
    }

    /**
     * Creates a generation whose reference image is uploaded with it (multipart, field input_reference).
     * The request must not name another reference; characters need the JSON create (upload the image with
     * {@link ProviderFiles} and use {@link VideoRequest#withReferenceFile} instead).
     */
    public VideoJob create(VideoRequest request, Upload referenceImage, String idempotencyKey) {
        if (request.hasReference()) {
            throw new IllegalArgumentException("The request already names a reference; upload one or the other");
        }
        if (!request.characterIds().isEmpty()) {
            throw new IllegalArgumentException("Characters go with a JSON create: upload the reference with the Files API"
                    + " and use its file id");
        }
        Multipart body = new Multipart()
                .field("model", request.model())
                .field("prompt", request.prompt())
                .field("size", request.size())
                .field("seconds", Integer.toString(request.seconds()))
                .file("input_reference", referenceImage);
        return http.create("create video", request.model(),
                () -> withKey(http.request(http.target().path("videos")), idempotencyKey).post(ProviderHttp.multipart(body)),
                r -> VideoJob.from(ProviderHttp.json(r)));
    }

    /** A remix of a completed video with a changed prompt; counted against the source's model's request rate. */
    public VideoJob remix(VideoJob source, String prompt, String idempotencyKey) {
        return remix(source.id(), source.model(), prompt, idempotencyKey);
    }

    /** A remix by the source's id alone: the model is unknown here, so the local request-rate limit is not applied. */
    public VideoJob remix(String videoId, String prompt, String idempotencyKey) {
        return remix(videoId, null, prompt, idempotencyKey);
    }

    private VideoJob remix(String videoId, String model, String prompt, String idempotencyKey) {
        JsonObject body = Json.createObjectBuilder().add("prompt", prompt).build();
        return http.create("remix video", model,
                () -> withKey(http.request(http.target().path("videos").path(videoId).path("remix")), idempotencyKey)
                        .post(ProviderHttp.json(body)),
                r -> VideoJob.from(ProviderHttp.json(r)));
    }

    /**
     * An extension of a completed video: a new video that continues it for {@code seconds} more, with the
     * whole source as context. The new video's seconds are the stitched total.
     */
    public VideoJob extend(VideoJob source, String prompt, int seconds, String idempotencyKey) {
        return extend(source.id(), source.model(), prompt, seconds, idempotencyKey);
    }

    /** An extension by the source's id alone (no local request-rate limit: the model is unknown here). */
    public VideoJob extend(String videoId, String prompt, int seconds, String idempotencyKey) {
        return extend(videoId, null, prompt, seconds, idempotencyKey);
    }

    private VideoJob extend(String videoId, String model, String prompt, int seconds, String idempotencyKey) {
        JsonObject body = Json.createObjectBuilder()
                .add("video", Json.createObjectBuilder().add("id", videoId))
                .add("prompt", prompt)
                .add("seconds", Integer.toString(seconds))
                .build();
        return http.create("extend video", model,
                () -> withKey(http.request(http.target().path("videos").path("extensions")), idempotencyKey).post(ProviderHttp.json(body)),
                r -> VideoJob.from(ProviderHttp.json(r)));
    }

    /** An edit of a completed video: re-rendered from the source with the edit prompt. */
    public VideoJob edit(VideoJob source, String prompt, String idempotencyKey) {
        return edit(source.id(), source.model(), prompt, idempotencyKey);
    }

    /** An edit by the source's id alone (no local request-rate limit: the model is unknown here). */
    public VideoJob edit(String videoId, String prompt, String idempotencyKey) {
        return edit(videoId, null, prompt, idempotencyKey);
    }

    private VideoJob edit(String videoId, String model, String prompt, String idempotencyKey) {
        JsonObject body = Json.createObjectBuilder()
                .add("video", Json.createObjectBuilder().add("id", videoId))
                .add("prompt", prompt)
                .build();
        return http.create("edit video", model,
                () -> withKey(http.request(http.target().path("videos").path("edits")), idempotencyKey).post(ProviderHttp.json(body)),
                r -> VideoJob.from(ProviderHttp.json(r)));
    }

    public VideoJob retrieve(String videoId) {
        return http.read("retrieve video",
                () -> http.request(http.target().path("videos").path(videoId)).get(),
                r -> VideoJob.from(ProviderHttp.json(r)));
    }

    /** One page of the account's videos, newest first. */
    public Page list(String after, int limit) {
        return http.read("list videos", () -> {
            WebTarget t = http.target().path("videos").queryParam("limit", limit).queryParam("order", "desc");
            if (after != null) {
                t = t.queryParam("after", after);
            }
            return http.request(t).get();
        }, r -> {
            ProviderPage<VideoJob> page = ProviderPage.from(ProviderHttp.json(r), VideoJob::from);
            return new Page(page.data(), page.hasMore(), page.lastId());
        });
    }

    /** Every video of the account, newest first, fetched page by page as the stream is consumed. */
    public Stream<VideoJob> listAll(int pageSize) {
        return ProviderPage.stream(after -> {
            Page p = list(after, pageSize);
            return new ProviderPage<>(p.videos(), p.hasMore(), p.lastId());
        }, VideoJob::id);
    }

    /** Downloads a variant (video, thumbnail, spritesheet) to a file, atomically; answers its SHA-256. */
    public String download(String videoId, String variant, Path target) {
        return http.download("download " + variant,
                () -> http.request(http.target().path("videos").path(videoId).path("content").queryParam("variant", variant),
                        MediaType.WILDCARD_TYPE).get(),
                target);
    }

    /** Deletes a completed or failed video and its stored assets; answers whether the provider says it is gone. */
    public boolean delete(String videoId) {
        return http.read("delete video",
                () -> http.request(http.target().path("videos").path(videoId)).delete(),
                r -> ProviderHttp.json(r).getBoolean("deleted", false));
    }

    // --- characters ---

    /**
     * Makes a character from a short clip (multipart: video, name). Repeated on a transient failure like a
     * read: the API cannot list characters to reconcile against, and a duplicate character costs nothing.
     */
    public VideoCharacter createCharacter(String name, Upload video) {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new IllegalArgumentException("A character's name is 1 to 80 characters");
        }
        Multipart body = new Multipart().field("name", name).file("video", video);
        return http.read("create character",
                () -> http.request(http.target().path("videos").path("characters")).post(ProviderHttp.multipart(body)),
                r -> VideoCharacter.from(ProviderHttp.json(r)));
    }

    public VideoCharacter retrieveCharacter(String characterId) {
        return http.read("retrieve character",
                () -> http.request(http.target().path("videos").path("characters").path(characterId)).get(),
                r -> VideoCharacter.from(ProviderHttp.json(r)));
    }

    // --- other endpoints on the same client ---

    /**
     * POSTs a JSON body to another OpenAI-compatible endpoint (e.g. a judge model's /chat/completions),
     * with the same retries and error handling; the key is the given one, or none.
     */
    public JsonObject postJson(String baseUrl, Optional<String> key, String path, JsonObject body) {
        return http.postJson(baseUrl, key, path, body);
    }

    /** The provider's key, for a judge that runs on the same gateway. */
    Optional<String> apiKey() {
        return http.settings().apiKey();
    }

    private static Invocation.Builder withKey(Invocation.Builder b, String idempotencyKey) {
        return idempotencyKey == null || idempotencyKey.isBlank() ? b : b.header("Idempotency-Key", idempotencyKey);
    }
}
