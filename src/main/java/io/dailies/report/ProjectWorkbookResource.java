package io.dailies.report;

import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The producer's own workbook with the results written back: GET /api/projects/{id}/workbook. */
@jakarta.ws.rs.Path("projects")
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class ProjectWorkbookResource {

    @Inject
    WorkbookReports workbooks;

    /**
     * The producer's last uploaded workbook with Dailies' columns added or updated in place from the
     * latest run, and a Dailies summary sheet; their formatting, columns and other sheets are kept.
     */
    @GET
    @jakarta.ws.rs.Path("{id}/workbook")
    @Produces({RunResultsResource.XLSX, MediaType.APPLICATION_JSON})
    public Response workbook(@PathParam("id") long id, @Context UriInfo uri) throws Exception {
        Path out = Files.createTempFile("dailies-workbook-", ".xlsx");
        String consoleBase = uri.getBaseUri().resolve("/").toString();
        workbooks.writeBack(id, out, consoleBase);
        byte[] bytes = Files.readAllBytes(out);
        Files.deleteIfExists(out);
        return Response.ok(bytes, RunResultsResource.XLSX)
                .header("Content-Disposition", "attachment; filename=\"dailies-project-" + id + ".xlsx\"").build();
    }

}
