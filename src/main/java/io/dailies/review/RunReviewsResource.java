package io.dailies.review;

import io.dailies.platform.ApiProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reviews typed into the dailies report in Excel: POST /api/runs/{runId}/reviews with the edited report
 * (part 'file') and who reviewed (part 'reviewer'). 200 with what was recorded, or 400 listing every
 * problem, cell by cell (see {@link WorkbookReviews}).
 */
@Path("runs/{runId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class RunReviewsResource {

    @Inject
    WorkbookReviews workbookReviews;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("runId") long runId, @FormParam("file") EntityPart file,
                           @FormParam("reviewer") String reviewer) throws IOException {
        if (file == null) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "Send the edited report as the multipart part named 'file'.");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "'reviewer' is required: who reviewed these takes.");
        }
        ApiProblem.require(reviewer.strip().length() <= 200, "'reviewer' is longer than 200 characters.");
        WorkbookReviews.Outcome outcome;
        try (InputStream in = file.getContent()) {
            outcome = workbookReviews.record(runId, in, reviewer.strip());
        }
        if (outcome.refused()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(RefusedReport.of(outcome.problems())).build();
        }
        return Response.ok(new ReviewsRecorded(outcome.recorded(), outcome.unchanged(), List.of())).build();
    }
}
