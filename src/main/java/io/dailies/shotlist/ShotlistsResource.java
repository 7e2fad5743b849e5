package io.dailies.shotlist;

import io.dailies.ApiProblem;
import io.dailies.JsonOut;
import io.dailies.Storage;
import io.dailies.shotlist.sheet.AnnotatedWorkbook;
import io.dailies.shotlist.sheet.CellIssue;
import jakarta.inject.Inject;
import java.util.List;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Upload a shot list (POST /api/shotlists) and follow its import (GET /api/shotlists/{id}). */
@Path("shotlists")
@Produces(MediaType.APPLICATION_JSON)
public class ShotlistsResource {

    @Inject
    ImportService imports;

    @Inject
    Storage storage;

    @Inject
    @ConfigProperty(name = "dailies.upload.max-bytes", defaultValue = "52428800")
    long maxBytes;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@FormParam("file") EntityPart file, @FormParam("project") String project,
                           @FormParam("partial") String partialField, @QueryParam("partial") String partialQuery) throws IOException {
        // Partial: import the valid rows and list the others; by default one bad row refuses the whole workbook.
        boolean partial = "true".equalsIgnoreCase(partialField) || "true".equalsIgnoreCase(partialQuery);
        if (file == null) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "Send the shot list as the multipart part named 'file'.");
        }
        String filename = file.getFileName().filter(f -> !f.isBlank()).orElse("shot-list.xlsx");
        java.nio.file.Path named = java.nio.file.Path.of(filename.replace('\\', '/')).getFileName();
        String safeName = (named == null ? "shot-list.xlsx" : named.toString()).replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        safeName = safeName.length() > 120 ? safeName.substring(safeName.length() - 120) : safeName;
        java.nio.file.Path stored = storage.dir("uploads").resolve(UUID.randomUUID() + "-" + safeName);
        try (InputStream in = file.getContent(); OutputStream out = Files.newOutputStream(stored)) {
            if (copyAtMost(in, out, maxBytes) > maxBytes) {
                out.close();
                Files.deleteIfExists(stored);
                throw ApiProblem.of(413, "Payload Too Large", "The file '" + filename + "' is larger than the upload limit of "
                        + (maxBytes / (1024 * 1024)) + " MB (dailies.upload.max-bytes).");
            }
        }
        String projectName = project == null || project.isBlank()
                ? safeName.replaceFirst("\\.[^.]+$", "") : project.strip();
        if (projectName.length() > 200) {
            Files.deleteIfExists(stored);
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "The project name is longer than 200 characters.");
        }
        filename = filename.length() > 500 ? filename.substring(filename.length() - 500) : filename;
        ShotlistImport registered = imports.register(filename, stored.toString(), projectName, partial,
                project == null || project.isBlank());
        long execution = imports.startJob(registered.getId());
        // The job records its execution id itself (beforeJob), so no two transactions race on the row.
        JsonObject body = Json.createObjectBuilder(json(imports.find(registered.getId()))).add("jobExecutionId", execution).build();
        return Response.accepted(body.toString())
                .location(java.net.URI.create("/api/shotlists/" + registered.getId())).build();
    }

    @GET
    public String list() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        imports.recent(50).forEach(i -> all.add(summary(i)));
        return all.build().toString();
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") long id) {
        ShotlistImport i = imports.find(id);
        if (i == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No shot list import " + id + ".");
        }
        return json(i).toString();
    }

    /** A rejected workbook annotated for the producer: offending cells in red, each with a comment saying why. */
    @GET
    @Path("{id}/annotated")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response annotated(@PathParam("id") long id) {
        ShotlistImport i = imports.find(id);
        if (i == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No shot list import " + id + ".");
        }
        if (i.getIssues().isEmpty()) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Import " + id + " has no issues to annotate (status " + i.getStatus() + ").");
        }
        List<CellIssue> issues = i.getIssues().stream().map(c -> new CellIssue(c.getSheet(), c.getRow(), c.getColumn(),
                c.getField(), c.getValue(), c.getMessage())).toList();
        byte[] annotated;
        try {
            annotated = AnnotatedWorkbook.annotate(java.nio.file.Path.of(i.getStoredPath()), issues);
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.of(Response.Status.CONFLICT, "The upload is not an .xlsx workbook Dailies can annotate; "
                    + "the issues are in GET /api/shotlists/" + id + ".");
        }
        String name = i.getFilename().replaceFirst("(?i)\\.xlsx$", "") + "-issues.xlsx";
        return Response.ok(annotated, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"").build();
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

    private static JsonObjectBuilder summary(ShotlistImport i) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", i.getId())
                .add("filename", i.getFilename())
                .add("project", i.getProjectName())
                .add("status", i.getStatus().name());
        JsonOut.add(o, "projectId", i.getProjectId());
        JsonOut.add(o, "jobExecutionId", i.getJobExecutionId());
        o.add("rows", i.getRowsRead())
                .add("created", i.getShotsCreated())
                .add("updated", i.getShotsUpdated())
                .add("unchanged", i.getShotsUnchanged())
                .add("omitted", i.getShotsOmitted())
                .add("issueCount", i.getIssueCount())
                .add("partial", i.isPartial())
                .add("reviewsRecorded", i.getReviewsRecorded())
                .add("rowsWithIssues", i.getRowsWithIssues());
        JsonOut.add(o, "createdAt", i.getCreatedAt());
        JsonOut.add(o, "finishedAt", i.getFinishedAt());
        JsonOut.add(o, "failure", i.getFailure());
        return o;
    }

    static JsonObject json(ShotlistImport i) {
        JsonArrayBuilder issues = Json.createArrayBuilder();
        for (ImportIssue c : i.getIssues()) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            JsonOut.add(o, "sheet", c.getSheet());
            o.add("row", c.getRow());
            JsonOut.add(o, "column", c.getColumn());
            JsonOut.add(o, "field", c.getField());
            JsonOut.add(o, "value", c.getValue());
            JsonOut.add(o, "message", c.getMessage());
            issues.add(o);
        }
        return summary(i).add("issues", issues).build();
    }
}
