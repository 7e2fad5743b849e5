package io.dailies.scoring;

import jakarta.inject.Inject;
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
    public ThresholdsView get(@PathParam("projectId") long projectId) {
        return thresholds.describe(projectId);
    }

    /** The body is checked (Inputs) once the project is found, as before: an unknown project answers 404 first. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ThresholdsView put(@PathParam("projectId") long projectId, ThresholdOverrides overrides) {
        return thresholds.update(projectId, overrides);
    }
}
