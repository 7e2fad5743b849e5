package io.dailies.emulator;

import io.dailies.emulator.media.TakeRenderer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * POST/GET/DELETE /videos and /videos/{id}/content, and the generations made from other videos
 * (POST /videos/{id}/remix, /videos/extensions, /videos/edits), with the reference's JSON shapes and
 * status values. The literal paths "extensions" and "edits" win over the {id} templates (JAX-RS prefers
 * the template with more literal characters), and no {id} path takes a POST of one segment anyway.
 */
@Path("videos")
@Produces(MediaType.APPLICATION_JSON)
public class VideosEndpoint {

    /** The guide's API limits: up to two uploaded characters per generation. */
    static final int MAX_CHARACTERS = 2;
    /** Multipart spellings of the characters array: characters, characters[], characters[0], characters[0][id]. */
    private static final Pattern CHARACTERS_PART = Pattern.compile("characters(\\[\\d*])?(\\[id])?");
    /** Longest uploaded clip an edit or extension starts from. */
    private static final double MAX_UPLOAD_SECONDS = 60;

    @Inject
    Emulator emulator;

    @Inject
    RenderQueue renders;

    @Inject
    Faults faults;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonObject json = object(body);
        Map<String, String> fields = new HashMap<>();
        for (String key : List.of("model", "prompt", "size", "seconds")) {
            JsonValue v = json.get(key);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (v.getValueType() != JsonValue.ValueType.STRING) {
                throw EmulatorErrors.invalid(key, "Invalid type for '" + key + "': expected a string.");
            }
            fields.put(key, ((JsonString) v).getString());
        }
        if (json.containsKey("input_reference") && json.get("input_reference").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject ref = json.getJsonObject("input_reference");
            if (ref.containsKey("image_url") == ref.containsKey("file_id")) {
                throw EmulatorErrors.invalid("input_reference", "Provide exactly one of 'image_url' or 'file_id'.");
            }
        }
        return accept(fields, characterIds(json.get("characters")), idempotencyKey);
    }

    /**
     * The official SDKs always send a create as multipart: text parts "model", "prompt", "size", "seconds";
     * "input_reference" as a file part, or as the object's fields "input_reference[image_url]" /
     * "input_reference[file_id]" (or the object as JSON in one text part); characters as "characters[]" or
     * "characters[][id]".
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createMultipart(List<EntityPart> parts, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Map<String, String> fields = new HashMap<>();
        List<String> characters = new ArrayList<>();
        Map<String, String> referenceFields = new HashMap<>();
        boolean referenceFile = false;
        try {
            for (EntityPart part : parts) {
                String name = part.getName();
                switch (name) {
                    case "model", "prompt", "size", "seconds" -> fields.put(name, part.getContent(String.class));
                    case "input_reference" -> {
                        byte[] bytes;
                        try (InputStream in = part.getContent()) {
                            bytes = in.readAllBytes();
                        }
                        String text = part.getFileName().isPresent() ? ""
                                : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).trim();
                        if (text.startsWith("{")) {
                            // The reference object sent as JSON in a text part.
                            JsonValue ref = parse(text, "input_reference");
                            if (ref.getValueType() == JsonValue.ValueType.OBJECT) {
                                for (String key : List.of("image_url", "file_id")) {
                                    if (ref.asJsonObject().containsKey(key)) {
                                        referenceFields.put(key, ref.asJsonObject().get(key).toString());
                                    }
                                }
                                continue;
                            }
                        }
                        // A reference image steers the first frame; the emulator only checks that one was sent.
                        if (bytes.length == 0) {
                            throw EmulatorErrors.invalid("input_reference", "The uploaded reference image is empty.");
                        }
                        referenceFile = true;
                    }
                    case "input_reference[image_url]", "input_reference[file_id]" ->
                            referenceFields.put(name.substring("input_reference[".length(), name.length() - 1),
                                    part.getContent(String.class));
                    default -> {
                        if (CHARACTERS_PART.matcher(name).matches()) {
                            characters.addAll(characterIds(part.getContent(String.class)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!referenceFields.isEmpty() && (referenceFile || referenceFields.size() != 1)) {
            throw EmulatorErrors.invalid("input_reference", "Provide exactly one of 'image_url' or 'file_id', or one uploaded image.");
        }
        return accept(fields, characters, idempotencyKey);
    }

    private Response accept(Map<String, String> fields, List<String> characters, String idempotencyKey) {
        VideoParams.Result params = VideoParams.validate(fields);
        if (!params.ok()) {
            throw EmulatorErrors.invalid(params.param(), params.message());
        }
        checkCharacters(characters);
        return generate(params.model(), params.prompt(), params.size(), params.seconds(), idempotencyKey,
                EmulatedVideo.Origin.PROMPT);
    }

    // Remix: the same shot with a changed prompt; model, size and length are the source's.

    @POST
    @Path("{id}/remix")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response remix(@PathParam("id") String id, String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return remixOf(id, string(object(body), "prompt"), idempotencyKey);
    }

    @POST
    @Path("{id}/remix")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response remixMultipart(@PathParam("id") String id, List<EntityPart> parts,
                                   @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return remixOf(id, Form.read(parts).texts().get("prompt"), idempotencyKey);
    }

    private Response remixOf(String id, String prompt, String idempotencyKey) {
        requirePrompt(prompt);
        EmulatedVideo source = find(id);
        requireCompleted(source, "video_id", "remixed");
        return generate(source.getModel(), prompt, source.getSize(), source.getSeconds(), idempotencyKey,
                EmulatedVideo.Origin.remix(source.getId()));
    }

    // Extensions: the source's frames and sound, then a newly rendered continuation of `seconds`.

    @POST
    @Path("extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response extend(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonObject json = object(body);
        return extend(videoReference(json.get("video")), string(json, "prompt"), string(json, "seconds"), idempotencyKey);
    }

    @POST
    @Path("extensions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response extendMultipart(List<EntityPart> parts, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Form form = Form.read(parts);
        return extend(sourcePart(form), form.texts().get("prompt"), form.texts().get("seconds"), idempotencyKey);
    }

    private Response extend(SourcePart video, String prompt, String seconds, String idempotencyKey) {
        requirePrompt(prompt);
        if (seconds == null || seconds.isEmpty()) {
            throw EmulatorErrors.invalid("seconds", "Missing required parameter: 'seconds' (the length of the extension).");
        }
        if (!Emulator.SECONDS.contains(seconds)) {
            throw EmulatorErrors.invalid("seconds", "Invalid value for 'seconds': '" + seconds + "'. Supported: 4, 8, 12, 16, 20.");
        }
        Source source = resolve(video.saved(this), "extended");
        if (source.video() != null && expired(source.video())) {
            throw EmulatorErrors.error(400, "invalid_request_error", "video", "content_expired",
                    "The content of video '" + source.video().getId() + "' has expired; it cannot be extended.");
        }
        // The resource's seconds is the stitched total (the reference's VideoResource.seconds).
        String total = String.valueOf(source.wholeSeconds() + Integer.parseInt(seconds));
        return generate(source.model(), prompt, source.size(), total, idempotencyKey,
                EmulatedVideo.Origin.extension(source.videoId(), source.upload(), seconds));
    }

    // Edits: the source re-rendered with the edit prompt, at the source's model, size and length.

    @POST
    @Path("edits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonObject json = object(body);
        return edit(videoReference(json.get("video")), string(json, "prompt"), idempotencyKey);
    }

    @POST
    @Path("edits")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response editMultipart(List<EntityPart> parts, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Form form = Form.read(parts);
        return edit(sourcePart(form), form.texts().get("prompt"), idempotencyKey);
    }

    private Response edit(SourcePart video, String prompt, String idempotencyKey) {
        requirePrompt(prompt);
        Source source = resolve(video.saved(this), "edited");
        String seconds = source.video() != null ? source.video().getSeconds() : String.valueOf(source.wholeSeconds());
        return generate(source.model(), prompt, source.size(), seconds, idempotencyKey,
                EmulatedVideo.Origin.edit(source.videoId(), source.upload()));
    }

    /**
     * Every create path ends here: the rate limit is asked first; when the client's Idempotency-Key is
     * honoured ({@link IdempotencyKeys}, off by default) a key seen before returns the earlier generation;
     * a generation the fault plan dooms is still accepted (and paid for) but fails once its queued time is
     * over, without rendering; one the plan leaves stuck is accepted and paid for too, and stays in
     * progress for ever, without rendering.
     */
    private Response generate(String model, String prompt, String size, String seconds, String idempotencyKey,
                              EmulatedVideo.Origin origin) {
        faults.admitCreate(model);
        String key = idempotencyKeys.keyFor(idempotencyKey);
        if (key != null) {
            Optional<EmulatedVideo> earlier = emulator.byIdempotencyKey(key);
            if (earlier.isPresent()) {
                return Response.ok(resource(earlier.get()).toString()).build();
            }
        }
        Faults.GenerationFault fault = faults.generationFault(model, prompt).orElse(null);
        EmulatedVideo video = emulator.create(model, prompt, size, seconds, key, origin, fault);
        if (video.getErrorCode() == null && !video.isStuck()) {
            renders.ensure(video);
        }
        return Response.ok(resource(video).toString()).build();
    }

    @GET
    public String list(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("after") String after,
                       @QueryParam("order") @DefaultValue("desc") String order) {
        ListPage.check(limit, 100, order);
        // The reference's VideoListResource always has first_id and last_id, null on an empty page.
        return ListPage.json(emulator.page(order, after, limit), limit, EmulatedVideo::getId, this::resource, true);
    }

    @GET
    @Path("{id}")
    public String retrieve(@PathParam("id") String id) {
        return resource(find(id)).toString();
    }

    @DELETE
    @Path("{id}")
    public String delete(@PathParam("id") String id) {
        if (!emulator.delete(id)) {
            throw EmulatorErrors.notFound("No video with id '" + id + "'.");
        }
        return Json.createObjectBuilder().add("object", "video.deleted").add("deleted", true).add("id", id).build().toString();
    }

    /**
     * The bytes of a completed video: the MP4, or a JPEG thumbnail or spritesheet. Answered whatever the
     * Accept header says (the official SDKs send "application/binary", others "*&#47;*" or nothing): the
     * answer carries its real type, and errors are JSON as everywhere.
     */
    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id, @QueryParam("variant") @DefaultValue("video") String variant) {
        EmulatedVideo video = find(id);
        if (!"completed".equals(status(video))) {
            throw EmulatorErrors.error(409, "invalid_request_error", null, "video_not_ready",
                    "Video '" + id + "' is not completed yet; its content cannot be downloaded.");
        }
        if (expired(video)) {
            throw EmulatorErrors.error(404, "invalid_request_error", null, "content_expired",
                    "The content of video '" + id + "' has expired.");
        }
        java.nio.file.Path mp4 = renders.file(id);
        try {
            return switch (variant) {
                case "video" -> Response.ok(Files.newInputStream(mp4), "video/mp4").build();
                case "thumbnail" -> {
                    java.nio.file.Path jpeg = mp4.resolveSibling(id + ".thumbnail.jpg");
                    if (!Files.exists(jpeg)) {
                        TakeRenderer.thumbnail(mp4, jpeg);
                    }
                    yield Response.ok(Files.newInputStream(jpeg), "image/jpeg").build();
                }
                case "spritesheet" -> {
                    java.nio.file.Path jpeg = mp4.resolveSibling(id + ".spritesheet.jpg");
                    if (!Files.exists(jpeg)) {
                        TakeRenderer.spritesheet(mp4, jpeg, 5, 2);
                    }
                    yield Response.ok(Files.newInputStream(jpeg), "image/jpeg").build();
                }
                default -> throw EmulatorErrors.invalid("variant", "Invalid value for 'variant': '" + variant
                        + "'. Supported: video, thumbnail, spritesheet.");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EmulatedVideo find(String id) {
        return emulator.find(id).orElseThrow(() -> EmulatorErrors.notFound("No video with id '" + id + "'."));
    }

    /** See {@link EmulatedVideo#status}; a take in progress whose file went missing (a restart) is rendered again. */
    private String status(EmulatedVideo v) {
        String status = v.status(System.currentTimeMillis(), renders.rendered(v.getId()));
        if ("in_progress".equals(status)) {
            renders.ensure(v);
        }
        return status;
    }

    private int progress(EmulatedVideo v, String status) {
        return v.progress(System.currentTimeMillis(), status);
    }

    private static long completedAt(EmulatedVideo v) {
        return v.doneAtMillis() / 1000;
    }

    /** Whether the content's download window has closed (to the millisecond: a lifetime of 0 is never downloadable). */
    private boolean expired(EmulatedVideo v) {
        return System.currentTimeMillis() >= v.doneAtMillis() + faults.contentLifetimeSeconds() * 1000;
    }

    /** The fault plan may shorten how long content can be downloaded (content_expired). */
    private long expiresAt(EmulatedVideo v) {
        return completedAt(v) + faults.contentLifetimeSeconds();
    }

    JsonObject resource(EmulatedVideo v) {
        String status = status(v);
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", v.getId())
                .add("object", "video")
                .add("model", v.getModel())
                .add("status", status)
                .add("progress", progress(v, status))
                .add("created_at", v.getCreatedAtMillis() / 1000);
        if ("completed".equals(status)) {
            o.add("completed_at", completedAt(v)).add("expires_at", expiresAt(v));
        } else {
            o.addNull("completed_at").addNull("expires_at");
        }
        o.add("prompt", v.getPrompt()).add("size", v.getSize()).add("seconds", v.getSeconds());
        if (v.getRemixedFromVideoId() == null) o.addNull("remixed_from_video_id"); else o.add("remixed_from_video_id", v.getRemixedFromVideoId());
        if ("failed".equals(status)) {
            o.add("error", Json.createObjectBuilder().add("code", v.getErrorCode()).add("message", v.getErrorMessage()));
        } else {
            o.addNull("error");
        }
        return o.build();
    }

    // Characters referenced by a generation.

    /**
     * The character ids of a create request's "characters": an array of ids ("char_...") or of objects
     * with an "id"; absent or null means none. Anything else is a 400 naming 'characters'.
     */
    static List<String> characterIds(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw EmulatorErrors.invalid("characters", "Invalid type for 'characters': expected an array of character ids.");
        }
        List<String> ids = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            JsonValue id = item.getValueType() == JsonValue.ValueType.OBJECT ? item.asJsonObject().get("id") : item;
            if (id == null || id.getValueType() != JsonValue.ValueType.STRING || ((JsonString) id).getString().isBlank()) {
                throw EmulatorErrors.invalid("characters",
                        "Each entry of 'characters' must be a character id or an object with an 'id'.");
            }
            ids.add(((JsonString) id).getString().trim());
        }
        return ids;
    }

    /** A multipart characters part: one id, or the JSON of an array or of one {"id": ...} object. */
    static List<String> characterIds(String text) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("[")) {
            return characterIds(parse(t, "characters"));
        }
        if (t.startsWith("{")) {
            return characterIds(Json.createArrayBuilder().add(parse(t, "characters")).build());
        }
        if (t.isEmpty()) {
            throw EmulatorErrors.invalid("characters", "An entry of 'characters' is empty.");
        }
        return List.of(t);
    }

    private void checkCharacters(List<String> ids) {
        if (ids.size() > MAX_CHARACTERS) {
            throw EmulatorErrors.invalid("characters", "Too many characters: " + ids.size()
                    + " referenced, at most " + MAX_CHARACTERS + " per generation.");
        }
        for (String id : ids) {
            if (emulator.character(id).isEmpty()) {
                throw EmulatorErrors.invalid("characters", "Unknown character '" + id + "' in 'characters'.");
            }
        }
    }

    // The source of an edit or extension.

    /**
     * What the request named as its source: a video id, or an uploaded clip — its bytes until the rest of
     * the request is known to be good, then the name it is saved under in the emulator's uploads.
     */
    private record SourcePart(String videoId, byte[] clip, String clipName, String upload) {
        static SourcePart video(String id) {
            return new SourcePart(id, null, null, null);
        }

        SourcePart saved(VideosEndpoint endpoint) {
            return clip == null ? this : new SourcePart(null, null, null, endpoint.saveUpload(clip, clipName));
        }
    }

    /** A multipart body read once: its text parts by name (first wins) and the "video" file part, if any. */
    private record Form(Map<String, String> texts, byte[] videoFile, String videoFileName) {
        static Form read(List<EntityPart> parts) {
            Map<String, String> texts = new HashMap<>();
            byte[] file = null;
            String fileName = null;
            try {
                for (EntityPart part : parts) {
                    if (part.getFileName().isPresent()) {
                        if (part.getName().equals("video") && file == null) {
                            try (InputStream in = part.getContent()) {
                                file = in.readAllBytes();
                            }
                            fileName = part.getFileName().get();
                        }
                    } else {
                        texts.putIfAbsent(part.getName(), part.getContent(String.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Form(texts, file, fileName);
        }
    }

    /** The resolved source: one of our videos, or an uploaded clip with what a decoder found in it. */
    private record Source(EmulatedVideo video, String upload, TakeRenderer.ClipInfo clip, String model, String size) {
        String videoId() {
            return video == null ? null : video.getId();
        }

        int wholeSeconds() {
            return video != null ? (int) Math.round(Double.parseDouble(video.getSeconds()))
                    : (int) Math.max(1, Math.round(clip.seconds()));
        }
    }

    /** The reference's VideoReferenceInputParam, {"id": "video_..."}; a bare id string is taken too. */
    private static SourcePart videoReference(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw EmulatorErrors.invalid("video", "Missing required parameter: 'video'.");
        }
        JsonValue id = value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject().get("id") : value;
        if (id == null || id.getValueType() != JsonValue.ValueType.STRING || ((JsonString) id).getString().isBlank()) {
            throw EmulatorErrors.invalid("video", "Invalid value for 'video': expected an object with the 'id' of a completed video.");
        }
        return SourcePart.video(((JsonString) id).getString().trim());
    }

    /** Multipart: the video as a file part (an upload), or as "video[id]" / "video" text naming one of ours. */
    private static SourcePart sourcePart(Form form) {
        if (form.videoFile() != null) {
            if (form.videoFile().length == 0) {
                throw EmulatorErrors.invalid("video", "The uploaded 'video' is empty.");
            }
            return new SourcePart(null, form.videoFile(), form.videoFileName(), null);
        }
        String id = form.texts().get("video[id]");
        if (id != null && !id.isBlank()) {
            return SourcePart.video(id.trim());
        }
        String text = form.texts().getOrDefault("video", "").trim();
        if (text.startsWith("{")) {
            return videoReference(parse(text, "video"));
        }
        if (text.isEmpty()) {
            throw EmulatorErrors.invalid("video", "Missing required parameter: 'video'.");
        }
        return SourcePart.video(text);
    }

    private String saveUpload(byte[] clip, String originalName) {
        String original = originalName == null ? "" : originalName;
        String ext = original.matches(".*\\.[A-Za-z0-9]{1,5}") ? original.substring(original.lastIndexOf('.')) : ".mp4";
        String name = "upload_" + UUID.randomUUID().toString().replace("-", "") + ext.toLowerCase(java.util.Locale.ROOT);
        try {
            Files.write(renders.upload(name), clip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /**
     * Our video (which must be completed) or the uploaded clip (which must be a readable video at a size
     * some model renders). An unknown id is a 404 naming 'video'.
     */
    private Source resolve(SourcePart part, String verb) {
        if (part.upload() == null) {
            EmulatedVideo video = emulator.find(part.videoId()).orElseThrow(() -> EmulatorErrors.error(404,
                    "invalid_request_error", "video", "not_found", "No video with id '" + part.videoId() + "'."));
            requireCompleted(video, "video", verb);
            return new Source(video, null, null, video.getModel(), video.getSize());
        }
        java.nio.file.Path file = renders.upload(part.upload());
        TakeRenderer.ClipInfo clip;
        try {
            clip = TakeRenderer.probe(file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw EmulatorErrors.invalid("video", "The uploaded 'video' is not a video the emulator can read.");
        }
        String size = clip.width() + "x" + clip.height();
        String model = Emulator.SIZES.get("sora-2").contains(size) ? "sora-2"
                : Emulator.SIZES.get("sora-2-pro").contains(size) ? "sora-2-pro" : null;
        if (model == null) {
            deleteQuietly(file);
            throw EmulatorErrors.invalid("video", "The uploaded 'video' is " + size + "; supported sizes: "
                    + String.join(", ", Emulator.SIZES.get("sora-2-pro").stream().sorted().toList()) + ".");
        }
        if (!(clip.seconds() > 0) || clip.seconds() > MAX_UPLOAD_SECONDS) {
            deleteQuietly(file);
            throw EmulatorErrors.invalid("video", String.format(java.util.Locale.ROOT,
                    "The uploaded 'video' lasts %.1f s; it must last more than 0 and at most %.0f s.", clip.seconds(), MAX_UPLOAD_SECONDS));
        }
        return new Source(null, part.upload(), clip, model, size);
    }

    /** Only a completed video can be remixed, edited or extended: anything else is a 400 naming the parameter. */
    private void requireCompleted(EmulatedVideo source, String param, String verb) {
        String status = status(source);
        if (!"completed".equals(status)) {
            throw EmulatorErrors.error(400, "invalid_request_error", param, "video_not_completed",
                    "Video '" + source.getId() + "' is " + status + "; only a completed video can be " + verb + ".");
        }
    }

    // Request bodies.

    private static void requirePrompt(String prompt) {
        VideoParams.Result rule = VideoParams.validatePrompt(prompt);
        if (!rule.ok()) {
            throw EmulatorErrors.invalid(rule.param(), rule.message());
        }
    }

    private static JsonObject object(String body) {
        JsonValue value = parse(body, null);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw EmulatorErrors.invalid(null, "The request body is not a JSON object.");
        }
        return value.asJsonObject();
    }

    private static JsonValue parse(String text, String param) {
        try (JsonReader reader = Json.createReader(new StringReader(text == null ? "" : text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw EmulatorErrors.invalid(param, param == null ? "The request body is not a JSON object."
                    : "Invalid JSON in '" + param + "'.");
        }
    }

    /** A string field of a JSON body; absent or null → null; any other type → 400 naming it. */
    private static String string(JsonObject json, String key) {
        JsonValue v = json.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw EmulatorErrors.invalid(key, "Invalid type for '" + key + "': expected a string.");
        }
        return ((JsonString) v).getString();
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // An unreadable upload left behind costs disk space only.
        }
    }
}
