package io.dailies.production;

import io.dailies.platform.Filters;
import io.dailies.platform.PageRequest;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Projects, their shots, and starting a run: POST /api/projects/{id}/runs. */
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
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
     * ?scheduled=true, one create call per take otherwise). A JSON body {"shots": [shot ids]} renders just those
     * shots (the console's selection). 202 with the run and its job execution.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @POST
    @Path("{id}/runs")
    @Consumes({MediaType.WILDCARD})
    public Response startRun(@PathParam("id") long id, @QueryParam("concurrency") Integer concurrency,
                             @QueryParam("judge") Boolean judge, @QueryParam("mode") String mode,
                             @QueryParam("scheduled") @DefaultValue("false") boolean scheduled,
                             @QueryParam("allowOverBudget") @DefaultValue("false") boolean allowOverBudget,
                             @RequestBody(description = "optional: {\"shots\": [shot ids]} to render only those shots") String body) {
        RunJobs.Started started = runJobs.start(id, new RunOptions(concurrency, judge, mode, scheduled, allowOverBudget,
                shotIds(body, false)));
        return Response.accepted(runViews.of(started.runId()).startedAs(started.jobExecutionId()))
                .location(URI.create("/api/runs/" + started.runId())).build();
    }

    /**
     * Uploads the images the shots' Input reference cells name (one or more multipart parts named 'file');
     * a cell is matched by the file name. Each image goes to the provider once, when a take needs it.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
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

    /** {"budgetUsd": 250.0} (or null for no limit): the most the project may spend. 200 with the project. */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @PUT
    @Path("{id}/budget")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProjectView setBudget(@PathParam("id") long id, String body) {
        jakarta.json.JsonObject json = read(body);
        ApiProblem.require(json != null && json.containsKey("budgetUsd")
                        && (json.isNull("budgetUsd") || json.get("budgetUsd") instanceof jakarta.json.JsonNumber),
                "Send {\"budgetUsd\": 250.0} (USD), or {\"budgetUsd\": null} for no limit.");
        return projects.setBudget(id, json.isNull("budgetUsd") ? null : json.getJsonNumber("budgetUsd").bigDecimalValue());
    }

    /**
     * Omits the shots named ({"shots": [ids], "omitted": true}) from the project's runs, or brings them back
     * ("omitted": false); their takes stay. 200 {"changed": n}. The next import of the workbook decides again.
     */
    @RolesAllowed(Roles.PRODUCER)
    @SecurityRequirement(name = "basic", scopes = Roles.PRODUCER)
    @POST
    @Path("{id}/shots/omit")
    @Consumes(MediaType.APPLICATION_JSON)
    public jakarta.json.JsonObject omit(@PathParam("id") long id, String body) {
        jakarta.json.JsonObject json = read(body);
        ApiProblem.require(json != null && (jakarta.json.JsonValue.TRUE.equals(json.get("omitted"))
                        || jakarta.json.JsonValue.FALSE.equals(json.get("omitted"))),
                "Send {\"shots\": [shot ids], \"omitted\": true} (or false to bring them back).");
        int changed = projects.omit(id, shotIds(body, true), json.getBoolean("omitted"));
        return jakarta.json.Json.createObjectBuilder().add("changed", changed).build();
    }

    /** The "shots" of a JSON body: none when there is no body; 400 naming what is wrong. */
    private static List<Long> shotIds(String body, boolean required) {
        jakarta.json.JsonObject json = read(body);
        if (json == null || !json.containsKey("shots")) {
            ApiProblem.require(!required, "Send {\"shots\": [shot ids]}.");
            return List.of();
        }
        ApiProblem.require(json.get("shots") instanceof jakarta.json.JsonArray, "shots must be an array of shot ids.");
        List<Long> ids = new java.util.ArrayList<>();
        for (jakarta.json.JsonValue v : json.getJsonArray("shots")) {
            ApiProblem.require(v instanceof jakarta.json.JsonNumber n && n.isIntegral(), "shots must be an array of shot ids, had " + v + ".");
            ids.add(((jakarta.json.JsonNumber) v).longValue());
        }
        ApiProblem.require(!ids.isEmpty() || !required, "shots must name at least one shot id.");
        return ids;
    }

    private static jakarta.json.JsonObject read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            jakarta.json.JsonValue value = reader.readValue();
            ApiProblem.require(value instanceof jakarta.json.JsonObject, "The body must be a JSON object.");
            return value.asJsonObject();
        }
    }
}
