package io.dailies.schedule;

import io.dailies.platform.ApiProblem;
import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The morning dailies: {@code GET /api/projects/{id}/dailies/latest}, a stable address for the last night's
 * workbook; {@code /dailies} lists every night kept, {@code /dailies/{night}} is one of them.
 */
@Path("projects/{id}/dailies")
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class DailiesResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    Nights nights;

    @Inject
    MorningDailies morning;

    /** The nights that made a run, newest first, a page at a time; each names its workbook ("dailies"). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("id") long projectId, @BeanParam Paging paging) {
        return paging.answer(nights.nights(projectId, paging.request()));
    }

    /** The last night whose run has ended: its workbook, written afresh (reviews given since are in it). */
    @GET
    @Path("latest")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    public Response latest(@PathParam("id") long projectId) {
        Firing f = nights.lastNight(projectId);
        if (f == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "Project " + projectId + " has no night whose run has ended yet;"
                    + " schedule one with POST /api/projects/" + projectId + "/schedules.");
        }
        return workbook(f);
    }

    @GET
    @Path("{night}")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    public Response night(@PathParam("id") long projectId, @PathParam("night") long firingId) {
        Firing f = nights.find(firingId);
        if (f == null || f.getProjectId() != projectId || f.getRunId() == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "Project " + projectId + " has no night " + firingId + " with a run.");
        }
        if (f.getRunStatus() == null) {
            throw ApiProblem.of(Response.Status.CONFLICT, "Night " + firingId + "'s run " + f.getRunId()
                    + " has not ended yet; its workbook is written when it does.");
        }
        return workbook(f);
    }

    private Response workbook(Firing f) {
        java.nio.file.Path file = morning.write(f.getId());
        return Response.ok(file.toFile(), XLSX).header("Content-Disposition", "attachment; filename=\"dailies-project-"
                + f.getProjectId() + "-night-" + f.getWindowDate() + ".xlsx\"").build();
    }
}
