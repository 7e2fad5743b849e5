package io.dailies.production;

import io.dailies.core.Take;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.ByteRange;
import io.dailies.platform.Roles;
import io.dailies.platform.Storage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A take's stored MP4 and its thumbnail, as a browser's player asks for them: {@code GET /api/takes/{id}/video} answers
 * a Range request with 206 and that part of the file, so seeking works without downloading the whole take; the ETag is
 * the file's SHA-256, so a cached take is never fetched twice.
 */
@RequestScoped
@jakarta.ws.rs.Path("takes/{id}")
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class TakeMediaResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Storage storage;

    @GET
    @jakarta.ws.rs.Path("video")
    public Response video(@PathParam("id") long id, @HeaderParam("Range") String range) {
        Take take = em.find(Take.class, id);
        if (take == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No take " + id + ".");
        }
        if (take.getFilePath() == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "Take " + id + " has no stored video yet (status " + take.getStatus() + ").");
        }
        return file(storage.resolve(take.getFilePath()), "video/mp4", range, take.getFileSha256(), id);
    }

    @GET
    @jakarta.ws.rs.Path("thumbnail")
    public Response thumbnail(@PathParam("id") long id, @HeaderParam("Range") String range) {
        Take take = em.find(Take.class, id);
        if (take == null || take.getFilePath() == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No thumbnail of take " + id + ".");
        }
        return file(storage.resolve(Take.thumbnailOf(take.getFilePath())), "image/jpeg", range, null, id);
    }

    private static Response file(Path file, String type, String rangeHeader, String sha256, long id) {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "The file of take " + id + " is missing from the storage folder.");
        }
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(rangeHeader, length);
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(416).header("Content-Range", "bytes */" + length).header("Accept-Ranges", "bytes").build();
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long count = range.map(ByteRange::length).orElse(length);
        StreamingOutput body = out -> copy(file, first, count, out);
        Response.ResponseBuilder answer = range.isPresent()
                ? Response.status(206).header("Content-Range", range.get().contentRange(length))
                : Response.ok();
        answer.entity(body).type(type).header("Accept-Ranges", "bytes").header(HttpHeaders.CONTENT_LENGTH, count);
        if (sha256 != null) {
            answer.header(HttpHeaders.ETAG, "\"" + sha256 + "\"");
        }
        return answer.build();
    }

    private static void copy(Path file, long first, long count, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(channel.position(first))) {
            byte[] buffer = new byte[64 * 1024];
            long left = count;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
