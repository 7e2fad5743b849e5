package io.dailies.review;

import io.dailies.platform.ApiProblem;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Reviews typed into the dailies report in Excel: POST /api/runs/{runId}/reviews with the edited report
 * (part 'file'), recorded as the signed-in user's verdicts. 200 with what was recorded, or 400 listing every
 * problem, cell by cell (see {@link WorkbookReviews}).
 */
@Path("runs/{runId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REVIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.REVIEWER)
public class RunReviewsResource {

    @Inject
    WorkbookReviews workbookReviews;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("runId") long runId, @FormParam("file") EntityPart file,
                           @Context SecurityContext caller) throws IOException {
        if (file == null) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "Send the edited report as the multipart part named 'file'.");
        }
        WorkbookReviews.Outcome outcome;
        try (InputStream in = file.getContent()) {
            // The verdicts are the signed-in user's: who uploads the reviewed report answers for it.
            outcome = workbookReviews.record(runId, in, caller.getUserPrincipal().getName());
        }
        if (outcome.refused()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(RefusedReport.of(outcome.problems())).build();
        }
        return Response.ok(new ReviewsRecorded(outcome.recorded(), outcome.unchanged(), List.of())).build();
    }
}
