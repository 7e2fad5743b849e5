package io.dailies.prompt;

import io.dailies.platform.Inputs;
import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A shot's prompt versions (GET /api/shots/{id}/prompts), the diff between two of them
 * (GET .../prompts/diff?from=&to=), and retakes with one change (POST /api/shots/{id}/retakes).
 */
@Path("shots/{shotId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class ShotPromptsResource {

    @Inject
    PromptHistory history;

    @Inject
    Inputs inputs;

    /** The shot's prompt versions, oldest first, a page at a time (?limit=, ?offset=). */
    @GET
    @Path("prompts")
    public Response versions(@PathParam("shotId") long shotId, @BeanParam Paging paging) {
        return paging.answer(history.versions(shotId, paging.request()).map(PromptVersionView::of));
    }

    @GET
    @Path("prompts/diff")
    public PromptDiffView diff(@PathParam("shotId") long shotId, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        return history.compare(shotId, from, to);
    }

    /**
     * One named change, as in the guide's iterative workflow: {"change": "same shot, switch to 85 mm"}
     * or {"element": "palette", "value": "teal, sand, rust"} (see {@link RetakeRequest}).
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @POST
    @Path("retakes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response retake(@PathParam("shotId") long shotId, JsonObject body) {
        RetakeRequest request = body == null ? null : inputs.valid(RetakeRequest.from(body));
        RetakeView retake = history.retake(shotId, request);
        return Response.created(URI.create("/api/shots/" + shotId + "/prompts")).entity(retake).build();
    }
}
