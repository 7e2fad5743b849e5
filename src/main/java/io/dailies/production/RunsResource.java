package io.dailies.production;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Runs and their progress (GET /api/runs/{id}); their takes and report are the report component's. */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @Inject
    RunViews views;

    @Inject
    RunJobs jobs;

    /** The 50 latest runs, newest first. */
    @GET
    public List<RunView> list() {
        return views.recent(50);
    }

    /** The run with its Batch API jobs: where each stands at the provider (its checkpoint). */
    @GET
    @Path("{id}")
    public RunView get(@PathParam("id") long id) {
        return views.get(id);
    }

    /**
     * Restarts a FAILED or STOPPED run from its last checkpoint: takes already with the provider are
     * polled, not sent again; scored takes are kept. 202 with the run and the restarted job execution.
     */
    @POST
    @Path("{id}/restart")
    @Consumes(MediaType.WILDCARD)
    public Response restart(@PathParam("id") long id) {
        RunJobs.Started started = jobs.restart(id);
        return Response.accepted(views.of(started.runId()).startedAs(started.jobExecutionId())).build();
    }
}
