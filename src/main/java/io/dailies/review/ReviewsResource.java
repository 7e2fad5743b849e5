package io.dailies.review;

import io.dailies.core.Review;
import io.dailies.platform.ApiProblem;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A reviewer's verdict on a take: POST /api/takes/{takeId}/reviews {"verdict", "notes"}, given as the signed-in
 * user. GET lists every review, newest first.
 */
@Path("takes/{takeId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class ReviewsResource {

    @Inject
    Reviews reviews;

    @Inject
    Inputs inputs;

    @RolesAllowed(Roles.REVIEWER)

    @SecurityRequirement(name = "basic", scopes = Roles.REVIEWER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("takeId") long takeId, JsonObject body, @Context SecurityContext caller) {
        ApiProblem.require(body != null, "Send a JSON object: {\"verdict\": \"RETAKE\", \"notes\": \"...\"}.");
        ReviewRequest request = inputs.valid(ReviewRequest.from(body));
        Review review = reviews.add(takeId, request.verdictValue(), request.notes(), caller.getUserPrincipal().getName(),
                Review.Source.CONSOLE);
        return Response.created(URI.create("/api/takes/" + takeId + "/reviews")).entity(ReviewView.of(review)).build();
    }

    /** The take's reviews, newest first, a page at a time (?limit=, ?offset=). */
    @GET
    public Response list(@PathParam("takeId") long takeId, @BeanParam Paging paging) {
        return paging.answer(reviews.ofTake(takeId, paging.request()).map(ReviewView::of));
    }
}
