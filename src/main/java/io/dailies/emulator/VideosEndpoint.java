package io.dailies.emulator;

import io.dailies.emulator.media.TakeRenderer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** POST/GET/DELETE /videos and /videos/{id}/content, with the reference's JSON shapes and status values. */
@Path("videos")
@Produces(MediaType.APPLICATION_JSON)
public class VideosEndpoint {

    private static final long CONTENT_LIFETIME_SECONDS = 3600;

    @Inject
    Emulator emulator;

    @Inject
    RenderQueue renders;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw EmulatorErrors.invalid(null, "The request body is not a JSON object.");
        }
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
        return accept(fields, idempotencyKey);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createMultipart(List<EntityPart> parts, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Map<String, String> fields = new HashMap<>();
        try {
            for (EntityPart part : parts) {
                switch (part.getName()) {
                    case "model", "prompt", "size", "seconds" -> fields.put(part.getName(), part.getContent(String.class));
                    case "input_reference" -> {
                        // A reference image steers the first frame; the emulator only checks that one was sent.
                        if (part.getContent().readAllBytes().length == 0) {
                            throw EmulatorErrors.invalid("input_reference", "The uploaded reference image is empty.");
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accept(fields, idempotencyKey);
    }

    private Response accept(Map<String, String> fields, String idempotencyKey) {
        String prompt = fields.get("prompt");
        if (prompt == null || prompt.isEmpty()) {
            throw EmulatorErrors.invalid("prompt", "Missing required parameter: 'prompt'.");
        }
        if (prompt.length() > 32000) {
            throw EmulatorErrors.invalid("prompt", "'prompt' is too long: " + prompt.length() + " characters, at most 32000.");
        }
        String model = fields.getOrDefault("model", "sora-2");
        String base = Emulator.baseModel(model);
        if (!Emulator.SIZES.containsKey(base)) {
            throw EmulatorErrors.invalid("model", "Invalid value for 'model': '" + model + "'. Supported: sora-2, sora-2-pro.");
        }
        String size = fields.getOrDefault("size", "720x1280");
        if (!Emulator.SIZES.get(base).contains(size)) {
            throw EmulatorErrors.invalid("size", "Invalid value for 'size': '" + size + "' is not supported by " + base
                    + ". Supported: " + String.join(", ", Emulator.SIZES.get(base).stream().sorted().toList()) + ".");
        }
        String seconds = fields.getOrDefault("seconds", "4");
        if (!Emulator.SECONDS.contains(seconds)) {
            throw EmulatorErrors.invalid("seconds", "Invalid value for 'seconds': '" + seconds + "'. Supported: 4, 8, 12, 16, 20.");
        }
        EmulatedVideo video = emulator.create(model, prompt, size, seconds, blankToNull(idempotencyKey));
        renders.ensure(video);
        return Response.ok(resource(video).toString()).build();
    }

    @GET
    public String list(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("after") String after,
                       @QueryParam("order") @DefaultValue("desc") String order) {
        if (limit < 1 || limit > 100) {
            throw EmulatorErrors.invalid("limit", "'limit' must be between 1 and 100.");
        }
        if (!order.equals("desc") && !order.equals("asc")) {
            throw EmulatorErrors.invalid("order", "'order' must be 'asc' or 'desc'.");
        }
        List<EmulatedVideo> page = emulator.page(after, limit);
        boolean hasMore = page.size() > limit;
        List<EmulatedVideo> shown = hasMore ? page.subList(0, limit) : page;
        JsonArrayBuilder data = Json.createArrayBuilder();
        shown.forEach(v -> data.add(resource(v)));
        JsonObjectBuilder list = Json.createObjectBuilder().add("object", "list").add("data", data);
        if (shown.isEmpty()) {
            list.addNull("first_id").addNull("last_id");
        } else {
            list.add("first_id", shown.get(0).getId()).add("last_id", shown.get(shown.size() - 1).getId());
        }
        return list.add("has_more", hasMore).build().toString();
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

    @GET
    @Path("{id}/content")
    @Produces({"video/mp4", "image/jpeg", MediaType.APPLICATION_JSON})
    public Response content(@PathParam("id") String id, @QueryParam("variant") @DefaultValue("video") String variant) {
        EmulatedVideo video = find(id);
        if (!"completed".equals(status(video))) {
            throw EmulatorErrors.error(409, "invalid_request_error", null, "video_not_ready",
                    "Video '" + id + "' is not completed yet; its content cannot be downloaded.");
        }
        if (System.currentTimeMillis() / 1000 > expiresAt(video)) {
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

    /** queued → in_progress → completed over the configured times; completed only once the file exists. */
    private String status(EmulatedVideo v) {
        if (v.getErrorCode() != null) {
            return "failed";
        }
        long now = System.currentTimeMillis();
        if (now < v.getCreatedAtMillis() + v.getQueuedMillis()) {
            return "queued";
        }
        if (now >= v.doneAtMillis() && renders.rendered(v.getId())) {
            return "completed";
        }
        renders.ensure(v); // after a restart a take may have lost its half-rendered file
        return "in_progress";
    }

    private int progress(EmulatedVideo v, String status) {
        return switch (status) {
            case "completed" -> 100;
            case "queued", "failed" -> 0;
            default -> (int) Math.max(1, Math.min(99,
                    (System.currentTimeMillis() - v.getCreatedAtMillis() - v.getQueuedMillis()) * 100 / Math.max(1, v.getRenderMillis())));
        };
    }

    private static long completedAt(EmulatedVideo v) {
        return v.doneAtMillis() / 1000;
    }

    private static long expiresAt(EmulatedVideo v) {
        return completedAt(v) + CONTENT_LIFETIME_SECONDS;
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
