package io.dailies.prompt;

import io.dailies.platform.Inputs;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.List;

/**
 * A shot's prompt versions (GET /api/shots/{id}/prompts), the diff between two of them
 * (GET .../prompts/diff?from=&to=), and retakes with one change (POST /api/shots/{id}/retakes).
 */
@Path("shots/{shotId}")
@Produces(MediaType.APPLICATION_JSON)
public class ShotPromptsResource {

    @Inject
    PromptHistory history;

    @Inject
    Inputs inputs;

    @GET
    @Path("prompts")
    public List<PromptVersionView> versions(@PathParam("shotId") long shotId) {
        return history.versions(shotId).stream().map(PromptVersionView::of).toList();
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
    @POST
    @Path("retakes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response retake(@PathParam("shotId") long shotId, JsonObject body) {
        RetakeRequest request = body == null ? null : inputs.valid(RetakeRequest.from(body));
        RetakeView retake = history.retake(shotId, request);
        return Response.created(URI.create("/api/shots/" + shotId + "/prompts")).entity(retake).build();
    }
}
