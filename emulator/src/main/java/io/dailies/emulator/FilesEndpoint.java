package io.dailies.emulator;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** POST/GET/DELETE /files and /files/{id}/content, with the reference's OpenAIFile shape. */
@Path("files")
@Produces(MediaType.APPLICATION_JSON)
public class FilesEndpoint {

    /** The reference's bounds of expires_after.seconds: one hour to thirty days. */
    static final long MIN_EXPIRES_AFTER = 3600;
    static final long MAX_EXPIRES_AFTER = 2_592_000;

    @Inject
    FileStore files;

    /** multipart: file, purpose, and optionally expires_after[anchor] and expires_after[seconds]. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(List<EntityPart> parts) {
        Map<String, String> texts = new HashMap<>();
        EntityPart file = null;
        try {
            for (EntityPart part : parts) {
                if ("file".equals(part.getName())) {
                    file = file == null ? part : file;
                } else {
                    texts.putIfAbsent(part.getName(), part.getContent(String.class));
                }
            }
            String purpose = texts.get("purpose");
            if (purpose == null || purpose.isBlank()) {
                throw EmulatorErrors.invalid("purpose", "Missing required parameter: 'purpose'.");
            }
            purpose = purpose.strip();
            if (!EmulatedFile.UPLOAD_PURPOSES.contains(purpose)) {
                throw EmulatorErrors.invalid("purpose", "Invalid value for 'purpose': '" + purpose + "'. Supported: "
                        + String.join(", ", new TreeSet<>(EmulatedFile.UPLOAD_PURPOSES)) + ".");
            }
            Long expiresAfter = null;
            String anchor = texts.get("expires_after[anchor]");
            String seconds = texts.get("expires_after[seconds]");
            if (anchor != null || seconds != null) {
                long s;
                try {
                    s = seconds == null ? -1 : Long.parseLong(seconds.strip());
                } catch (NumberFormatException e) {
                    throw EmulatorErrors.invalid("expires_after", "Invalid seconds for 'expires_after': '" + seconds
                            + "' is not a whole number.");
                }
                expiresAfter = expiresAfter("expires_after", anchor == null ? null : anchor.strip(), seconds == null ? null : s);
            }
            if (file == null) {
                throw EmulatorErrors.invalid("file", "Missing required parameter: 'file' (a multipart file part).");
            }
            String filename = filename(file.getFileName().orElse(null));
            try (InputStream in = file.getContent()) {
                EmulatedFile stored = files.upload(in, filename, purpose, expiresAfter)
                        .orElseThrow(() -> EmulatorErrors.error(413, "invalid_request_error", "file", "file_too_large",
                                "The file is larger than " + FileStore.MAX_BYTES / (1024 * 1024) + " MB, the most a batch input file may have."));
                return Response.ok(resource(stored).toString(), MediaType.APPLICATION_JSON_TYPE).build();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public String list(@QueryParam("purpose") String purpose, @QueryParam("limit") @DefaultValue("10000") int limit,
                       @QueryParam("order") @DefaultValue("desc") String order, @QueryParam("after") String after) {
        ListPage.check(limit, 10_000, order);
        List<EmulatedFile> page = files.page(purpose == null || purpose.isBlank() ? null : purpose, order, after, limit);
        return ListPage.json(page, limit, EmulatedFile::getId, FilesEndpoint::resource);
    }

    @GET
    @Path("{id}")
    public String retrieve(@PathParam("id") String id) {
        return resource(find(id)).toString();
    }

    @DELETE
    @Path("{id}")
    public String delete(@PathParam("id") String id) {
        if (!files.delete(id)) {
            throw EmulatorErrors.notFound("No file with id '" + id + "'.");
        }
        return Json.createObjectBuilder().add("id", id).add("object", "file").add("deleted", true).build().toString();
    }

    /** The bytes as uploaded (or as the batch wrote them). Any Accept is served: SDKs ask for application/binary. */
    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id) {
        EmulatedFile file = find(id);
        try {
            return Response.ok(files.open(file), MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
        } catch (NoSuchFileException e) {
            throw EmulatorErrors.notFound("The content of file '" + id + "' is no longer available.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EmulatedFile find(String id) {
        return files.find(id).orElseThrow(() -> EmulatorErrors.notFound("No file with id '" + id + "'."));
    }

    /** The reference's OpenAIFile; expires_at only when the file expires (the schema has no null for it). */
    static JsonObject resource(EmulatedFile f) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", f.getId())
                .add("object", "file")
                .add("bytes", f.getBytes())
                .add("created_at", f.getCreatedAtMillis() / 1000);
        if (f.getExpiresAt() != null) {
            o.add("expires_at", f.getExpiresAt());
        }
        return o.add("filename", f.getFilename())
                .add("purpose", f.getPurpose())
                .add("status", "processed")
                .build();
    }

    /**
     * Checks an expires_after policy (anchor "created_at", seconds between one hour and thirty days) and
     * returns its seconds; a bad one is a 400 naming {@code param}.
     */
    static long expiresAfter(String param, String anchor, Long seconds) {
        if (!"created_at".equals(anchor)) {
            throw EmulatorErrors.invalid(param, anchor == null ? "'" + param + "' needs an anchor: 'created_at'."
                    : "Invalid anchor for '" + param + "': '" + anchor + "'. Supported: created_at.");
        }
        if (seconds == null) {
            throw EmulatorErrors.invalid(param, "'" + param + "' needs its seconds.");
        }
        if (seconds < MIN_EXPIRES_AFTER || seconds > MAX_EXPIRES_AFTER) {
            throw EmulatorErrors.invalid(param, "Invalid seconds for '" + param + "': " + seconds
                    + ". They must be between " + MIN_EXPIRES_AFTER + " (1 hour) and " + MAX_EXPIRES_AFTER + " (30 days).");
        }
        return seconds;
    }

    /** The name the client gave, without any folder part; "file" when it gave none. */
    static String filename(String given) {
        if (given == null || given.isBlank()) {
            return "file";
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            return "file";
        }
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}
