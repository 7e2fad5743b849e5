package io.dailies.console;

import io.dailies.platform.Filters;
import io.dailies.platform.PageRequest;
import io.dailies.platform.Paging;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;

/**
 * The job repository as an operator sees it: every execution of Dailies' jobs, newest first, a page at a
 * time (?limit=, ?offset=). Filters: ?job=shotlist-import,render-run and ?status= a batch status
 * (STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED), comma-separated.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Inject
    JobHistory history;

    @GET
    public Response executions(@BeanParam Paging paging, @QueryParam("job") String job, @QueryParam("status") String status) {
        PageRequest page = paging.request();
        return paging.answer(history.executions(page, Filters.anyOf("job", job, new LinkedHashSet<>(JobHistory.JOBS)),
                Filters.anyOf("status", status, BatchStatus.class)));
    }
}
