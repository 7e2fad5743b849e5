package io.dailies.emulator;

import io.dailies.emulator.media.TakeRenderer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * POST /videos/characters (multipart: a clip "video" and a display "name") and GET /videos/characters/{id}.
 * A root resource of its own: its path has more literal characters than VideosEndpoint's "videos", so
 * JAX-RS matches /videos/characters... here before any of the {id} templates there are considered.
 */
@Path("videos/characters")
@Produces(MediaType.APPLICATION_JSON)
public class CharactersEndpoint {

    static final int MAX_NAME_LENGTH = 80;

    @Inject
    Emulator emulator;

    @Inject
    EmulatorStorage storage;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String create(List<EntityPart> parts) {
        String name = null;
        byte[] clip = null;
        String clipName = null;
        try {
            for (EntityPart part : parts) {
                if (part.getName().equals("name") && name == null) {
                    name = part.getContent(String.class);
                } else if (part.getName().equals("video") && clip == null) {
                    try (InputStream in = part.getContent()) {
                        clip = in.readAllBytes();
                    }
                    clipName = part.getFileName().orElse("");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (name == null || name.isEmpty()) {
            throw EmulatorErrors.invalid("name", "Missing required parameter: 'name'.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw EmulatorErrors.invalid("name", "'name' is too long: " + name.length() + " characters, at most "
                    + MAX_NAME_LENGTH + ".");
        }
        if (clip == null || clip.length == 0) {
            throw EmulatorErrors.invalid("video", "Missing required parameter: 'video' (a video file of the character).");
        }
        String ext = clipName.matches(".*\\.[A-Za-z0-9]{1,5}") ? clipName.substring(clipName.lastIndexOf('.')) : ".mp4";
        String file = "clip_" + UUID.randomUUID().toString().replace("-", "") + ext.toLowerCase(Locale.ROOT);
        java.nio.file.Path path = storage.dir("characters").resolve(file);
        TakeRenderer.ClipInfo info;
        try {
            Files.write(path, clip);
            info = TakeRenderer.probe(path);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // An unreadable clip left behind costs disk space only.
            }
            throw EmulatorErrors.invalid("video", "The uploaded 'video' is not a video the emulator can read.");
        }
        return resource(emulator.createCharacter(name, file, info.seconds())).toString();
    }

    @GET
    @Path("{character_id}")
    public String retrieve(@PathParam("character_id") String id) {
        return resource(emulator.character(id)
                .orElseThrow(() -> EmulatorErrors.notFound("No character with id '" + id + "'."))).toString();
    }

    /** The reference's VideoCharacterResource. */
    static JsonObject resource(EmulatedCharacter c) {
        return Json.createObjectBuilder()
                .add("id", c.getId())
                .add("name", c.getName())
                .add("created_at", c.getCreatedAtMillis() / 1000)
                .build();
    }
}
