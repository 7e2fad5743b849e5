package io.dailies.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The job repository as an operator sees it: every execution of Dailies' jobs, newest first. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Inject
    JobHistory history;

    @GET
    public List<JobView> executions(@QueryParam("limit") @DefaultValue("100") int limit) {
        return history.executions(limit);
    }
}
