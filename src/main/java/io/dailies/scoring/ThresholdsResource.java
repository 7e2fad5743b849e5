package io.dailies.scoring;

import io.dailies.platform.ApiProblem;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A project's scoring thresholds: GET shows effective, overridden and default values; PUT sets the overrides. */
@Path("projects/{projectId}/thresholds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class ThresholdsResource {

    @Inject
    ProjectThresholds thresholds;

    /** The thresholds, with the project's version as ETag: send it back as If-Match so a change made meanwhile is not overwritten. */
    @GET
    public Response get(@PathParam("projectId") long projectId) {
        ThresholdsView view = thresholds.describe(projectId);
        return Response.ok(view).tag(tag(thresholds.version(projectId))).build();
    }

    /**
     * The body is checked (Inputs) once the project is found, as before: an unknown project answers 404 first.
     * With If-Match, a project changed since that ETag was read answers 409 and nothing is saved.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("projectId") long projectId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        ThresholdOverrides overrides) {
        ThresholdsView view = thresholds.update(projectId, overrides, readVersion(ifMatch));
        return Response.ok(view).tag(tag(thresholds.version(projectId))).build();
    }

    private static EntityTag tag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version in an If-Match header ("3", or W/"3"); null without one or for "*". */
    static Integer readVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "If-Match must be the ETag of a GET of these thresholds, e.g. \"3\"; was " + ifMatch + ".");
        }
    }
}
