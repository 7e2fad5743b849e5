package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.platform.Filters;
import io.dailies.platform.PageRequest;
import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Runs and their progress (GET /api/runs/{id}); their takes and report are the report component's. */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class RunsResource {

    @Inject
    RunViews views;

    @Inject
    RunJobs jobs;

    @Inject
    RunProgressFeed progress;

    /**
     * The runs, newest first, a page at a time (?limit=, ?offset=). Filters: ?project= (a project's id) and
     * ?status=QUEUED,RUNNING,COMPLETED,FAILED,STOPPED.
     */
    @GET
    public Response list(@BeanParam Paging paging, @QueryParam("project") String project, @QueryParam("status") String status) {
        PageRequest page = paging.request();
        return paging.answer(views.page(page, Filters.id("project", project), Filters.anyOf("status", status, Run.Status.class)));
    }

    /** The run with its Batch API jobs: where each stands at the provider (its checkpoint). */
    @GET
    @Path("{id}")
    public RunView get(@PathParam("id") long id) {
        return views.get(id);
    }

    /**
     * The run's progress as it moves, as server-sent events (text/event-stream): a {@code progress} event carrying the
     * run as {@link #get} shows it, each time it changes, the last one when the run ends; then the stream closes.
     * 404 (a problem detail, before any event) when there is no such run.
     */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") long id, @Context SseEventSink sink, @Context Sse sse) {
        views.find(id); // 404 before the stream opens
        progress.follow(id, sink, sse);
    }

    /**
     * Stops a QUEUED or RUNNING run: nothing more is sent to the provider, what was sent is kept for a restart.
     * 202 with the run (it shows STOPPED once the job has noticed); 409 when it has ended or not started yet.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.WILDCARD)
    public Response stop(@PathParam("id") long id) {
        return Response.accepted(jobs.stop(id)).build();
    }

    /**
     * Restarts a FAILED or STOPPED run from its last checkpoint: takes already with the provider are
     * polled, not sent again; scored takes are kept. 202 with the run and the restarted job execution.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @POST
    @Path("{id}/restart")
    @Consumes(MediaType.WILDCARD)
    public Response restart(@PathParam("id") long id) {
        RunJobs.Started started = jobs.restart(id);
        return Response.accepted(views.of(started.runId()).startedAs(started.jobExecutionId())).build();
    }

    /**
     * Abandons a STOPPED or FAILED run for good: it can no longer be restarted (its job execution is ABANDONED);
     * its finished takes stay. 200 with the run; 409 in any other state.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @POST
    @Path("{id}/abandon")
    @Consumes(MediaType.WILDCARD)
    public RunView abandon(@PathParam("id") long id, @Context SecurityContext caller) {
        return jobs.abandon(id, caller.getUserPrincipal().getName());
    }
}
