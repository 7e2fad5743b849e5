package io.dailies.review;

import io.dailies.core.Review;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Inputs;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A reviewer's verdict on a take: POST /api/takes/{takeId}/reviews {"verdict", "notes", "reviewer"}.
 * GET lists every review, newest first.
 */
@Path("takes/{takeId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    @Inject
    Reviews reviews;

    @Inject
    Inputs inputs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("takeId") long takeId, JsonObject body) {
        ApiProblem.require(body != null, "Send a JSON object: {\"verdict\": \"RETAKE\", \"reviewer\": \"Ana\", \"notes\": \"...\"}.");
        ReviewRequest request = inputs.valid(ReviewRequest.from(body));
        Review review = reviews.add(takeId, request.verdictValue(), request.notes(), request.reviewer(), Review.Source.CONSOLE);
        return Response.created(URI.create("/api/takes/" + takeId + "/reviews")).entity(ReviewView.of(review)).build();
    }

    @GET
    public List<ReviewView> list(@PathParam("takeId") long takeId) {
        return reviews.ofTake(takeId).stream().map(ReviewView::of).toList();
    }
}
