package io.dailies.scoring;

import io.dailies.ApiProblem;
import io.dailies.JsonOut;
import io.dailies.scoring.media.Verdict;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/**
 * A reviewer's verdict on a take: POST /api/takes/{takeId}/reviews {"verdict", "notes", "reviewer"}.
 * GET lists every review, newest first.
 */
@Path("takes/{takeId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    @Inject
    Reviews reviews;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("takeId") long takeId, JsonObject body) {
        ApiProblem.require(body != null, "Send a JSON object: {\"verdict\": \"RETAKE\", \"reviewer\": \"Ana\", \"notes\": \"...\"}.");
        String verdictText = text(body, "verdict");
        String reviewer = text(body, "reviewer");
        if (verdictText == null) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "'verdict' is required: one of " + Arrays.toString(Verdict.values()) + ".");
        }
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(verdictText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "'verdict' must be one of " + Arrays.toString(Verdict.values())
                    + ", was '" + verdictText + "'.");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "'reviewer' is required: who gives this verdict.");
        }
        ApiProblem.require(reviewer.strip().length() <= 200, "'reviewer' is longer than 200 characters.");
        String notes = text(body, "notes");
        ApiProblem.require(notes == null || notes.length() <= 4000, "'notes' is longer than 4000 characters.");
        Review review = reviews.add(takeId, verdict, notes, reviewer.strip(), Review.Source.CONSOLE);
        return Response.created(URI.create("/api/takes/" + takeId + "/reviews")).entity(json(review).toString()).build();
    }

    @GET
    public String list(@PathParam("takeId") long takeId) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        reviews.ofTake(takeId).forEach(r -> all.add(json(r)));
        return all.build().toString();
    }

    public static JsonObject json(Review r) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", r.getId())
                .add("verdict", r.getVerdict().name())
                .add("reviewer", r.getReviewer())
                .add("source", r.getSource().name());
        JsonOut.add(o, "notes", r.getNotes());
        JsonOut.add(o, "reviewedAt", r.getReviewedAt());
        return o.build();
    }

    private static String text(JsonObject body, String key) {
        JsonValue v = body.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : body.getString(key);
    }
}
