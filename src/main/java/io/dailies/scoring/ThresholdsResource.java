package io.dailies.scoring;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A project's scoring thresholds: GET shows effective, overridden and default values; PUT sets the overrides. */
@Path("projects/{projectId}/thresholds")
@Produces(MediaType.APPLICATION_JSON)
public class ThresholdsResource {

    @Inject
    ProjectThresholds thresholds;

    @GET
    public String get(@PathParam("projectId") long projectId) {
        return thresholds.describe(projectId).toString();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(@PathParam("projectId") long projectId, JsonObject overrides) {
        return thresholds.update(projectId, overrides).toString();
    }
}
