package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Storage;
import io.dailies.shotlist.sheet.AnnotatedWorkbook;
import io.dailies.shotlist.sheet.CellIssue;
import io.dailies.shotlist.sheet.ShotSheetFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A producer's uploaded shot list: stored under a safe name within the upload limit, registered as an
 * import and handed to the shotlist-import job; and, once rejected, annotated for the producer.
 */
@ApplicationScoped
public class ShotlistUploads {

    static final String DEFAULT_NAME = "shot-list.xlsx";

    @Inject
    ImportService imports;

    @Inject
    Storage storage;

    @Inject
    @ConfigProperty(name = "dailies.upload.max-bytes", defaultValue = "52428800")
    long maxBytes;

    /** An import just started, and the job execution it was started as. */
    public record Started(ShotlistImport imported, long jobExecutionId) {
    }

    /** A rejected workbook with its offending cells marked, and the name to download it as. */
    public record Annotated(String filename, byte[] workbook) {
    }

    /**
     * Stores the upload, registers the import and starts its job. Runs outside any transaction: the import
     * record commits in one of its own (ImportService.register) before the job starts, so the job always
     * finds it, and the job then records its execution id itself, so no two transactions race on the row.
     *
     * @param givenName the file name the browser sent; null or blank for none
     * @param project   the project named with the upload; null or blank to name it after the file (or its Settings sheet)
     * @param partial   import the valid rows and list the others; otherwise one bad row refuses the whole workbook
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Started upload(String givenName, InputStream content, String project, boolean partial) throws IOException {
        return upload(givenName, content, project, partial, List.of());
    }

    /** {@link #upload(String, InputStream, String, boolean)} reading the shot list from the sheets named (none: found by its header). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Started upload(String givenName, InputStream content, String project, boolean partial, List<String> sheets)
            throws IOException {
        String filename = givenName == null || givenName.isBlank() ? DEFAULT_NAME : givenName;
        Path named = Path.of(filename.replace('\\', '/')).getFileName();
        String safeName = (named == null ? DEFAULT_NAME : named.toString()).replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        safeName = safeName.length() > 120 ? safeName.substring(safeName.length() - 120) : safeName;
        Path stored = storage.dir("uploads").resolve(UUID.randomUUID() + "-" + safeName);
        try (OutputStream out = Files.newOutputStream(stored)) {
            if (copyAtMost(content, out, maxBytes) > maxBytes) {
                out.close();
                Files.deleteIfExists(stored);
                throw ApiProblem.of(413, "Payload Too Large", "The file '" + filename + "' is larger than the upload limit of "
                        + (maxBytes / (1024 * 1024)) + " MB (dailies.upload.max-bytes).");
            }
        }
        boolean nameFromFile = project == null || project.isBlank();
        String projectName = nameFromFile ? safeName.replaceFirst("\\.[^.]+$", "") : project.strip();
        if (projectName.length() > 200) {
            Files.deleteIfExists(stored);
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "The project name is longer than 200 characters.");
        }
        filename = filename.length() > 500 ? filename.substring(filename.length() - 500) : filename;
        ShotlistImport registered = imports.register(filename, stored.toString(), projectName, partial, nameFromFile, sheets);
        long execution = imports.startJob(registered.getId());
        return new Started(imports.find(registered.getId()), execution);
    }

    /**
     * The uploaded workbook with each issue's cell in red and a comment saying why. Reads the import in a
     * transaction of its own (ImportService.find) and annotates the stored file outside any.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Annotated annotated(long id) {
        ShotlistImport i = imports.find(id);
        if (i == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No shot list import " + id + ".");
        }
        if (i.getIssues().isEmpty()) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Import " + id + " has no issues to annotate (status " + i.getStatus() + ").");
        }
        // Warnings (a side sheet Dailies could not read) are marked too, said to be warnings.
        List<CellIssue> issues = i.getIssues().stream().map(c -> new CellIssue(c.getSheet(), c.getRow(), c.getColumn(),
                c.getField(), c.getValue(), c.isWarning() ? "Warning: " + c.getMessage() : c.getMessage())).toList();
        byte[] annotated;
        try {
            // through the same guard as the import: a workbook it refused is never opened to be annotated
            annotated = AnnotatedWorkbook.annotate(Path.of(i.getStoredPath()), issues);
        } catch (ShotSheetFormatException e) {
            throw ApiProblem.of(Response.Status.CONFLICT, "The upload of import " + id + " is not opened to be annotated: "
                    + e.issues().get(0).message() + ". The issues are in GET /api/shotlists/" + id + ".");
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.of(Response.Status.CONFLICT, "The upload is not an .xlsx workbook Dailies can annotate; "
                    + "the issues are in GET /api/shotlists/" + id + ".");
        }
        return new Annotated(i.getFilename().replaceFirst("(?i)\\.xlsx$", "") + "-issues.xlsx", annotated);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                return total;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
