package io.dailies.console;

import io.dailies.platform.ApiProblem;
import io.dailies.platform.Filters;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The job repository as an operator sees it: every execution of Dailies' jobs, newest first, a page at a
 * time (?limit=, ?offset=). Filters: ?job=shotlist-import,render-run and ?status= a batch status
 * (STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED), comma-separated.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class JobsResource {

    @Inject
    JobHistory history;

    @GET
    public Response executions(@BeanParam Paging paging, @QueryParam("job") String job, @QueryParam("status") String status) {
        PageRequest page = paging.request();
        return paging.answer(history.executions(page, Filters.anyOf("job", job, new LinkedHashSet<>(JobHistory.JOBS)),
                Filters.anyOf("status", status, BatchStatus.class)));
    }

    /**
     * The steps of one execution of a Dailies job, in the order they started, with their read, write, filter,
     * commit, rollback and skip counts, a page at a time (?limit=, ?offset=). 404 when the repository has no
     * such execution of a Dailies job.
     */
    @GET
    @Path("{executionId}/steps")
    public Response steps(@PathParam("executionId") long executionId, @BeanParam Paging paging) {
        PageRequest page = paging.request();
        JobOperator operator = BatchRuntime.getJobOperator();
        List<StepExecution> steps;
        try {
            if (!JobHistory.JOBS.contains(operator.getJobExecution(executionId).getJobName())) {
                throw new NoSuchJobExecutionException();
            }
            steps = operator.getStepExecutions(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No job execution " + executionId + ".");
        }
        List<StepView> views = steps.stream()
                .sorted(Comparator.comparing(StepExecution::getStartTime, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(StepExecution::getStepExecutionId))
                .map(StepView::of).toList();
        return paging.answer(new Page<>(page.of(views), views.size(), page));
    }
}
