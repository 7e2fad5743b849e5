package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Filters;
import io.dailies.platform.PageRequest;
import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Upload a shot list (POST /api/shotlists) and follow its import (GET /api/shotlists/{id}). */
@Path("shotlists")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class ShotlistsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ImportService imports;

    @Inject
    ShotlistUploads uploads;

    @Inject
    ShotlistImports summaries;

    /**
     * The workbook as part 'file', the project as part 'project' (optional), and 'partial' as a part or a
     * query parameter: import the valid rows and list the others; by default one bad row refuses the whole workbook.
     * 'sheet' (a part, one name a line, or repeated query parameters) names the sheets the shot list is on, the answer
     * when Dailies asks which sheet it is; without it Dailies finds the shot list by its header row.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@FormParam("file") EntityPart file, @FormParam("project") String project,
                           @FormParam("partial") String partialField, @QueryParam("partial") String partialQuery,
                           @FormParam("sheet") String sheetField, @QueryParam("sheet") List<String> sheetQuery) throws IOException {
        boolean partial = "true".equalsIgnoreCase(partialField) || "true".equalsIgnoreCase(partialQuery);
        if (file == null) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "Send the shot list as the multipart part named 'file'.");
        }
        ShotlistUploads.Started started;
        try (InputStream in = file.getContent()) {
            started = uploads.upload(file.getFileName().orElse(null), in, project, partial, sheets(sheetField, sheetQuery));
        }
        ShotlistImport i = started.imported();
        return Response.accepted(ImportStatus.of(i, started.jobExecutionId()))
                .location(URI.create("/api/shotlists/" + i.getId())).build();
    }

    private static List<String> sheets(String field, List<String> query) {
        List<String> sheets = new ArrayList<>();
        if (field != null) {
            field.lines().map(String::strip).filter(n -> !n.isEmpty()).forEach(sheets::add);
        }
        if (query != null) {
            query.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).forEach(sheets::add);
        }
        if (sheets.size() > 100 || sheets.stream().anyMatch(n -> n.length() > 100)) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "'sheet' names at most 100 sheets of at most 100 characters each.");
        }
        return sheets.stream().distinct().toList();
    }

    /**
     * The uploaded shot lists, newest first, without their issues, a page at a time (?limit=, ?offset=).
     * Filters: ?status=QUEUED,VALIDATING,IMPORTING,COMPLETED,REJECTED,FAILED and ?project= (a project's id).
     */
    @GET
    public Response list(@BeanParam Paging paging, @QueryParam("status") String status, @QueryParam("project") String project) {
        PageRequest page = paging.request();
        return paging.answer(summaries.page(page, Filters.anyOf("status", status, ShotlistImport.Status.class),
                Filters.id("project", project)));
    }

    @GET
    @Path("{id}")
    public ImportStatus get(@PathParam("id") long id) {
        ShotlistImport i = imports.find(id);
        if (i == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No shot list import " + id + ".");
        }
        return ImportStatus.of(i);
    }

    /** A rejected workbook annotated for the producer: offending cells in red, each with a comment saying why. */
    @GET
    @Path("{id}/annotated")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    public Response annotated(@PathParam("id") long id) {
        ShotlistUploads.Annotated annotated = uploads.annotated(id);
        return Response.ok(annotated.workbook(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + annotated.filename().replace("\"", "") + "\"").build();
    }
}
