package io.dailies.schedule;

import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A project's overnight schedules and what each window came to:
 * {@code /api/projects/{id}/schedules}, {@code .../schedules/{sid}} and {@code .../schedules/{sid}/firings}.
 */
@Path("projects/{id}/schedules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class SchedulesResource {

    @Inject
    Schedules schedules;

    @Inject
    Nights nights;

    /**
     * Makes a schedule: {"days":["MON",...], "start":"22:00", "end":"06:00", "zone":"Europe/Paris", "budgetUsd":40,
     * "mode":"auto|sync|batch", "shots":"pending|failed|all", "recipients":[...]}; 201 with it and its next window.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") long projectId, JsonObject body) {
        ScheduleView made = schedules.create(projectId, body);
        return Response.created(URI.create("/api/projects/" + projectId + "/schedules/" + made.id()))
                .tag(new EntityTag(Integer.toString(made.version()))).entity(made).build();
    }

    /** The project's schedules, oldest first, a page at a time (?limit=, ?offset=). */
    @GET
    public Response list(@PathParam("id") long projectId, @BeanParam Paging paging) {
        return paging.answer(schedules.list(projectId, paging.request()));
    }

    @GET
    @Path("{sid}")
    public Response get(@PathParam("id") long projectId, @PathParam("sid") long scheduleId) {
        ScheduleView s = schedules.get(projectId, scheduleId);
        return Response.ok(s).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    /** Replaces the schedule's settings (pause it with "paused": true); If-Match with its ETag refuses a lost update. */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @PUT
    @Path("{sid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long projectId, @PathParam("sid") long scheduleId, JsonObject body,
                           @HeaderParam("If-Match") String ifMatch) {
        ScheduleView s = schedules.update(projectId, scheduleId, body, version(ifMatch));
        return Response.ok(s).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    /** Deletes the schedule and its timer; its past firings and morning workbooks stay. */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @DELETE
    @Path("{sid}")
    public Response delete(@PathParam("id") long projectId, @PathParam("sid") long scheduleId) {
        schedules.delete(projectId, scheduleId);
        return Response.noContent().build();
    }

    /** What each window came to, newest first, a page at a time. */
    @GET
    @Path("{sid}/firings")
    public Response firings(@PathParam("id") long projectId, @PathParam("sid") long scheduleId, @BeanParam Paging paging) {
        var page = paging.request();
        schedules.find(projectId, scheduleId);
        return paging.answer(nights.firings(scheduleId, page));
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        try {
            return Integer.parseInt(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw io.dailies.platform.ApiProblem.of(Response.Status.BAD_REQUEST, "If-Match must be the schedule's ETag, was '" + ifMatch + "'.");
        }
    }
}
