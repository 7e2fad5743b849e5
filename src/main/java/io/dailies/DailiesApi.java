package io.dailies;

import io.dailies.console.JobsResource;
import io.dailies.production.ProjectsResource;
import io.dailies.production.RunsResource;
import io.dailies.prompt.ShotPromptsResource;
import io.dailies.scoring.ReviewsResource;
import io.dailies.scoring.RunReviewsResource;
import io.dailies.scoring.ThresholdsResource;
import io.dailies.shotlist.ShotlistsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The product's REST API under /api; the console and scripts use it. */
@ApplicationPath("api")
public class DailiesApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ShotlistsResource.class, ProjectsResource.class, RunsResource.class, JobsResource.class, ReviewsResource.class, RunReviewsResource.class, ThresholdsResource.class, ShotPromptsResource.class,
                ApiProblem.Mapper.class, ApiProblem.BadJson.class, ApiProblem.Unexpected.class);
    }
}
