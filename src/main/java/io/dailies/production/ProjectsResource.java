package io.dailies.production;

import io.dailies.platform.Filters;
import io.dailies.platform.PageRequest;
import io.dailies.platform.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Projects, their shots, and starting a run: POST /api/projects/{id}/runs. */
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @Inject
    Projects projects;

    @Inject
    ProjectReferences references;

    @Inject
    RunJobs runJobs;

    @Inject
    RunViews runViews;

    /** The projects, newest first, a page at a time (?limit=, ?offset=); ?name= (exact) finds one by its name. */
    @GET
    public Response list(@BeanParam Paging paging, @QueryParam("name") String name) {
        return paging.answer(projects.list(paging.request(), Filters.text(name)));
    }

    @GET
    @Path("{id}")
    public ProjectView get(@PathParam("id") long id) {
        return projects.get(id);
    }

    /**
     * The project's shots in workbook order, a page at a time (?limit=, ?offset=). Filters: ?sequence= (a
     * sequence's code, exact) and ?omitted=true|false (shots left out of the last import, or the active ones).
     */
    @GET
    @Path("{id}/shots")
    public Response shots(@PathParam("id") long id, @BeanParam Paging paging, @QueryParam("sequence") String sequence,
                          @QueryParam("omitted") String omitted) {
        PageRequest page = paging.request();
        return paging.answer(projects.shots(id, page, Filters.text(sequence), Filters.bool("omitted", omitted)));
    }

    /** What a run of the project's active shots would cost, per shot and in total, sync and with the Batch API. */
    @GET
    @Path("{id}/estimate")
    public EstimateView estimate(@PathParam("id") long id, @QueryParam("takes") @DefaultValue("1") int takes) {
        return projects.estimate(id, takes);
    }

    /**
     * Starts a render run of the project's active shots; optional ?concurrency=N takes in flight, and
     * ?judge=true|false to have a judge model give its opinion too (default: dailies.judge.enabled),
     * ?mode=sync|batch (default: the Batch API above dailies.run.batch-above-takes takes or when
     * ?scheduled=true, one create call per take otherwise). 202 with the run and its job execution.
     */
    @POST
    @Path("{id}/runs")
    @Consumes({MediaType.WILDCARD})
    public Response startRun(@PathParam("id") long id, @QueryParam("concurrency") Integer concurrency,
                             @QueryParam("judge") Boolean judge, @QueryParam("mode") String mode,
                             @QueryParam("scheduled") @DefaultValue("false") boolean scheduled,
                             @QueryParam("allowOverBudget") @DefaultValue("false") boolean allowOverBudget) {
        RunJobs.Started started = runJobs.start(id, new RunOptions(concurrency, judge, mode, scheduled, allowOverBudget));
        return Response.accepted(runViews.of(started.runId()).startedAs(started.jobExecutionId()))
                .location(URI.create("/api/runs/" + started.runId())).build();
    }

    /**
     * Uploads the images the shots' Input reference cells name (one or more multipart parts named 'file');
     * a cell is matched by the file name. Each image goes to the provider once, when a take needs it.
     */
    @POST
    @Path("{id}/references")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public List<ReferenceView> uploadReferences(@PathParam("id") long id, List<jakarta.ws.rs.core.EntityPart> parts)
            throws java.io.IOException {
        return references.upload(id, parts);
    }

    /** The project's reference images by name, a page at a time (?limit=, ?offset=). */
    @GET
    @Path("{id}/references")
    public Response references(@PathParam("id") long id, @BeanParam Paging paging) {
        return paging.answer(references.of(id, paging.request()));
    }
}
