package io.dailies.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Files API: a batch's JSONL goes up with purpose "batch" and its output comes back as a file; a
 * reference image can be uploaded once and named by id in many generations.
 */
@ApplicationScoped
public class ProviderFiles {

    /** Purposes Dailies uses. */
    public static final String BATCH = "batch";
    public static final String VISION = "vision";
    public static final String USER_DATA = "user_data";

    private final ProviderHttp http;

    /** For CDI's proxy only. */
    protected ProviderFiles() {
        this.http = null;
    }

    @Inject
    public ProviderFiles(ProviderHttp http) {
        this.http = http;
    }

    /**
     * Uploads a file (multipart: file, purpose). Like any create, a timeout or a 5xx after the upload went
     * out is raised as ambiguous: look for it with {@link #find} before uploading again.
     */
    public ProviderFile upload(Path file, String purpose) {
        return upload(Upload.of(file), purpose);
    }

    /** Uploads bytes under a file name, e.g. a batch's JSONL built in memory. */
    public ProviderFile upload(String filename, byte[] bytes, String purpose) {
        return upload(Upload.of(filename, bytes), purpose);
    }

    public ProviderFile upload(Upload upload, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        Multipart body = new Multipart().field("purpose", purpose).file("file", upload);
        return http.create("upload " + upload.filename(), null,
                () -> http.request(http.target().path("files")).post(ProviderHttp.multipart(body)),
                r -> ProviderFile.from(ProviderHttp.json(r)));
    }

    public ProviderFile retrieve(String fileId) {
        return http.read("retrieve file", () -> http.request(http.target().path("files").path(fileId)).get(),
                r -> ProviderFile.from(ProviderHttp.json(r)));
    }

    /** Downloads a file's content to a path, atomically; answers its SHA-256. */
    public String content(String fileId, Path target) {
        return http.download("download file", () -> http.request(content(fileId), MediaType.WILDCARD_TYPE).get(), target);
    }

    /** A small file's content as UTF-8 text, e.g. a batch's output JSONL. */
    public String contentText(String fileId) {
        return http.text("download file", () -> http.request(content(fileId), MediaType.WILDCARD_TYPE).get());
    }

    /** Deletes a file; answers whether the provider says it is gone. */
    public boolean delete(String fileId) {
        return http.read("delete file", () -> http.request(http.target().path("files").path(fileId)).delete(),
                r -> ProviderHttp.json(r).getBoolean("deleted", false));
    }

    /** One page of files, newest first; purpose null for all. */
    public ProviderPage<ProviderFile> list(String purpose, String after, int limit) {
        return http.read("list files", () -> {
            WebTarget t = http.target().path("files").queryParam("limit", limit).queryParam("order", "desc");
            if (purpose != null) {
                t = t.queryParam("purpose", purpose);
            }
            if (after != null) {
                t = t.queryParam("after", after);
            }
            return http.request(t).get();
        }, r -> ProviderPage.from(ProviderHttp.json(r), ProviderFile::from));
    }

    /** Every file (of a purpose, or all), newest first, page by page as the stream is consumed. */
    public Stream<ProviderFile> listAll(String purpose) {
        return ProviderPage.stream(after -> list(purpose, after, 100), ProviderFile::id);
    }

    /** The newest file of this name and purpose: how an ambiguous upload is reconciled. */
    public Optional<ProviderFile> find(String filename, String purpose) {
        try (Stream<ProviderFile> files = listAll(purpose)) {
            return files.filter(f -> filename.equals(f.filename())).findFirst();
        }
    }

    private WebTarget content(String fileId) {
        return http.target().path("files").path(fileId).path("content");
    }
}
