package io.dailies.production;

import io.dailies.core.Project;
import io.dailies.core.ReferenceImage;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Storage;
import io.dailies.provider.ProviderFile;
import io.dailies.provider.ProviderFiles;
import io.dailies.provider.Upload;
import io.dailies.provider.VideoRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reference images of a project, and what a take's Input reference becomes on the wire: an
 * http(s) URL is sent as {@code image_url}; a file name is the project's uploaded image of that name,
 * sent to the provider's Files API once and then referred to by {@code file_id}.
 */
@ApplicationScoped
public class ReferenceImages {

    /** The provider refuses larger images; so does Dailies, before spending anything. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** A take whose Input reference cannot be sent: it fails with this reason, nothing is paid. */
    public static class MissingReference extends RuntimeException {
        MissingReference(String message) {
            super(message);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Storage storage;

    @Inject
    ProviderFiles files;

    /** Its own bean: the commits must go through the container, which a call to this bean's own method would not. */
    @Inject
    ReferenceUploads uploads;

    /** Stores an uploaded image under its file name (replacing one of the same name). */
    @Transactional
    public ReferenceImage store(long projectId, String filename, byte[] bytes) {
        Project project = em.find(Project.class, projectId);
        if (project == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + projectId + ".");
        }
        String name = key(filename);
        if (name.isEmpty()) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "A reference image needs a file name, e.g. throne-room.png.");
        }
        if (bytes.length > MAX_BYTES) {
            throw ApiProblem.of(413, "Payload Too Large", "Reference image '" + filename + "' is " + bytes.length / (1024 * 1024)
                    + " MB; images up to 20 MB are accepted.");
        }
        String type = imageType(bytes).orElseThrow(() -> ApiProblem.of(Response.Status.BAD_REQUEST,
                "Reference image '" + filename + "' is not a PNG, JPEG or WebP image."));
        String sha = sha256(bytes);
        Path file = storage.dir("references/project-" + projectId).resolve(sha + "-" + name.replaceAll("[^\\p{L}\\p{N}._-]", "_"));
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<ReferenceImage> known = em.createNamedQuery("ReferenceImage.byName", ReferenceImage.class)
                .setParameter("projectId", projectId).setParameter("name", name).getResultStream().findFirst();
        ReferenceImage image = known.orElseGet(() -> new ReferenceImage(project, name));
        // Filled before persist: the insert carries the state the entity had when it was persisted.
        image.replace(file.toString(), sha, type, bytes.length);
        if (known.isEmpty()) {
            em.persist(image);
        }
        return image;
    }

    @Transactional
    public List<ReferenceImage> ofProject(long projectId) {
        return em.createNamedQuery("ReferenceImage.byProject", ReferenceImage.class).setParameter("projectId", projectId).getResultList();
    }

    /**
     * The take's request with its Input reference attached. {@code upload}: whether an image not yet at
     * the provider may be uploaded now (submitting); reconciliation only looks, it never uploads.
     */
    public VideoRequest attach(long projectId, String inputReference, VideoRequest request, boolean upload) {
        if (inputReference == null || inputReference.isBlank()) {
            return request;
        }
        String ref = inputReference.strip();
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("data:image/")) {
            return request.withReferenceImageUrl(ref);
        }
        ReferenceImage image = uploads.find(projectId, key(ref)).orElseThrow(() -> new MissingReference("Input reference '" + ref
                + "' was not uploaded: POST it to /api/projects/" + projectId + "/references (multipart 'file'), then restart the run."));
        String fileId = image.getProviderFileId();
        if (fileId == null && upload) {
            // Like a batch input file: an upload whose answer was lost may be at the provider already, under a
            // name only this image's bytes have; it is looked up before anything is sent again.
            String wireName = wireName(image);
            ProviderFile sent = files.find(wireName, ProviderFiles.VISION).orElseGet(
                    () -> files.upload(Upload.of(wireName, image.getContentType(), read(image)), ProviderFiles.VISION));
            uploads.recordProviderFile(image.getId(), sent.id());
            fileId = sent.id();
        }
        return fileId == null ? request : request.withReferenceFile(fileId);
    }

    /**
     * The name an image is uploaded under: the project's image and the first 12 hex digits of its bytes' hash,
     * then its own name, so a replaced image (other bytes) is a new file and the same bytes are found again.
     */
    static String wireName(ReferenceImage image) {
        return "dailies-ref-" + image.getId() + "-" + image.getSha256().substring(0, 12) + "-" + image.getName();
    }

    /** What a cell or an upload is matched by: its last path segment, lower case. */
    static String key(String name) {
        String n = name == null ? "" : name.replace('\\', '/').strip();
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.toLowerCase(Locale.ROOT);
    }

    static Optional<String> imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static byte[] read(ReferenceImage image) {
        try {
            return Files.readAllBytes(Path.of(image.getStoredPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("Reference image " + image.getName() + " is missing from the store", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
