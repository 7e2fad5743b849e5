package io.dailies.production;

import io.dailies.ApiProblem;
import io.dailies.JsonOut;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
import io.dailies.prompt.CostEstimate;
import io.dailies.prompt.VideoParameters;
import io.dailies.provider.catalog.ModelCatalog;

/** Projects, their shots, and starting a run: POST /api/projects/{id}/runs. */
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    RunService runs;

    @Inject
    ReferenceImages references;

    @Inject
    ModelCatalog catalog;

    @Inject
    io.dailies.report.WorkbookReports workbooks;

    @GET
    @Transactional
    public String list() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Project p : em.createNamedQuery("Project.all", Project.class).getResultList()) {
            all.add(project(p));
        }
        return all.build().toString();
    }

    @GET
    @Path("{id}")
    @Transactional
    public String get(@PathParam("id") long id) {
        return project(find(id)).build().toString();
    }

    @GET
    @Path("{id}/shots")
    @Transactional
    public String shots(@PathParam("id") long id) {
        find(id);
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Shot s : em.createNamedQuery("Shot.byProject", Shot.class).setParameter("projectId", id).getResultList()) {
            ShotContent c = s.content();
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("id", s.getId())
                    .add("sequence", s.getSequence().getCode())
                    .add("shot", s.getCode())
                    .add("row", s.getSourceRow())
                    .add("omitted", s.isOmitted());
            JsonOut.add(o, "subjectAction", c.subjectAction());
            JsonOut.add(o, "cameraMovement", c.cameraMovement());
            JsonOut.add(o, "settingTime", c.settingTime());
            JsonOut.add(o, "lightingPalette", c.lightingPalette());
            JsonOut.add(o, "styleTechnical", c.styleTechnical());
            JsonOut.add(o, "dialogue", c.dialogue());
            o.add("model", c.model()).add("size", c.size()).add("seconds", c.seconds());
            JsonOut.add(o, "shotType", c.shotType());
            JsonOut.add(o, "sound", c.sound());
            JsonOut.add(o, "audioCues", c.audioCues());
            JsonOut.add(o, "physics", c.physics());
            JsonOut.add(o, "characters", c.characters());
            JsonOut.add(o, "overrides", c.overrides());
            JsonOut.add(o, "prompt", s.getPrompt());
            JsonOut.add(o, "promptHash", s.getPromptHash());
            o.add("promptVersion", s.getPromptVersion());
            o.add("lint", s.getLint() == null ? Json.createArrayBuilder().build() : Json.createReader(new java.io.StringReader(s.getLint())).readArray());
            o.add("lintErrors", s.getLintErrors()).add("lintWarnings", s.getLintWarnings());
            // The producer's own columns, kept as they typed them.
            o.add("producerColumns", s.getProducerColumns() == null ? Json.createObjectBuilder().build()
                    : Json.createReader(new java.io.StringReader(s.getProducerColumns())).readObject());
            CostEstimate.shot(catalog, s.getCode(), new VideoParameters(c.model(), c.size(), c.seconds(), null, List.of()), 1)
                    .ifPresent(line -> o.add("estimate", Json.createObjectBuilder()
                            .add("syncUsd", line.sync()).add("batchUsd", line.batch())));
            all.add(o);
        }
        return all.build().toString();
    }

    /**
     * The producer's last uploaded workbook with Dailies' columns added or updated in place from the
     * latest run, and a Dailies summary sheet; their formatting, columns and other sheets are kept.
     */
    @GET
    @Path("{id}/workbook")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response workbook(@PathParam("id") long id, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) throws Exception {
        java.nio.file.Path out = java.nio.file.Files.createTempFile("dailies-workbook-", ".xlsx");
        String consoleBase = uri.getBaseUri().resolve("/").toString();
        workbooks.writeBack(id, out, consoleBase);
        byte[] bytes = java.nio.file.Files.readAllBytes(out);
        java.nio.file.Files.deleteIfExists(out);
        return Response.ok(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"dailies-project-" + id + ".xlsx\"").build();
    }

    /** What a run of the project's active shots would cost, per shot and in total, sync and with the Batch API. */
    @GET
    @Path("{id}/estimate")
    @Transactional
    public String estimate(@PathParam("id") long id, @QueryParam("takes") @jakarta.ws.rs.DefaultValue("1") int takes) {
        find(id);
        ApiProblem.require(takes >= 1 && takes <= 100, "takes must be between 1 and 100, was " + takes + ".");
        List<CostEstimate.Item> items = new java.util.ArrayList<>();
        for (Shot s : em.createNamedQuery("Shot.activeByProject", Shot.class).setParameter("projectId", id).getResultList()) {
            items.add(new CostEstimate.Item(s.getSequence().getCode() + "-" + s.getCode(),
                    new VideoParameters(s.getModel(), s.getSize(), s.getSeconds(), null, List.of()), takes));
        }
        CostEstimate e = CostEstimate.of(catalog, items);
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (CostEstimate.Line l : e.lines()) {
            lines.add(Json.createObjectBuilder().add("shot", l.shot()).add("model", l.model()).add("size", l.size())
                    .add("seconds", l.seconds()).add("takes", l.takes()).add("syncUsd", l.sync()).add("batchUsd", l.batch()));
        }
        JsonArrayBuilder unpriced = Json.createArrayBuilder();
        e.unpriced().forEach(unpriced::add);
        return Json.createObjectBuilder().add("shots", lines).add("unpriced", unpriced)
                .add("totalSyncUsd", e.totalSync()).add("totalBatchUsd", e.totalBatch()).build().toString();
    }

    /**
     * Starts a render run of the project's active shots; optional ?concurrency=N takes in flight, and
     * ?judge=true|false to have a judge model give its opinion too (default: dailies.judge.enabled),
     * ?mode=sync|batch (default: the Batch API above dailies.run.batch-above-takes takes or when
     * ?scheduled=true, one create call per take otherwise).
     */
    @POST
    @Path("{id}/runs")
    @Consumes({MediaType.WILDCARD})
    public Response startRun(@PathParam("id") long id, @QueryParam("concurrency") Integer concurrency,
                             @QueryParam("judge") Boolean judge, @QueryParam("mode") String mode,
                             @QueryParam("scheduled") @DefaultValue("false") boolean scheduled,
                             @QueryParam("allowOverBudget") @DefaultValue("false") boolean allowOverBudget) {
        Run.Mode chosen = null;
        if (mode != null && !mode.isBlank() && !mode.equalsIgnoreCase("auto")) {
            try {
                chosen = Run.Mode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.of(Response.Status.BAD_REQUEST, "mode must be sync, batch or auto, was '" + mode + "'.");
            }
        }
        // Three steps, three transactions: the run is committed before its job can look for it.
        Run registered = runs.register(id, concurrency == null ? runs.defaultConcurrency() : concurrency,
                judge == null ? runs.judgeByDefault() : judge, chosen, scheduled, allowOverBudget);
        long execution = runs.startJob(registered.getId());
        // The job records its execution id itself (beforeJob), so no two transactions race on the run's row.
        Run run = runs.find(registered.getId());
        JsonObject body = Json.createObjectBuilder(RunsResource.json(run, runs.takeCounts(run.getId())))
                .add("jobExecutionId", execution).build();
        return Response.accepted(body.toString()).location(URI.create("/api/runs/" + run.getId())).build();
    }

    /**
     * Uploads the images the shots' Input reference cells name (one or more multipart parts named 'file');
     * a cell is matched by the file name. Each image goes to the provider once, when a take needs it.
     */
    @POST
    @Path("{id}/references")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String uploadReferences(@PathParam("id") long id, List<jakarta.ws.rs.core.EntityPart> parts) throws java.io.IOException {
        JsonArrayBuilder stored = Json.createArrayBuilder();
        int n = 0;
        for (jakarta.ws.rs.core.EntityPart part : parts) {
            if (!"file".equals(part.getName())) {
                continue;
            }
            byte[] bytes;
            try (java.io.InputStream in = part.getContent()) {
                bytes = in.readNBytes((int) ReferenceImages.MAX_BYTES + 1);
            }
            stored.add(reference(references.store(id, part.getFileName().orElse(""), bytes)));
            n++;
        }
        ApiProblem.require(n > 0, "Send the images as multipart parts named 'file'.");
        return stored.build().toString();
    }

    @GET
    @Path("{id}/references")
    public String references(@PathParam("id") long id) {
        find(id);
        JsonArrayBuilder all = Json.createArrayBuilder();
        references.ofProject(id).forEach(r -> all.add(reference(r)));
        return all.build().toString();
    }

    private static JsonObjectBuilder reference(ReferenceImage r) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("name", r.getName()).add("contentType", r.getContentType())
                .add("bytes", r.getBytes()).add("sha256", r.getSha256());
        JsonOut.add(o, "providerFileId", r.getProviderFileId());
        JsonOut.add(o, "uploadedAt", r.getUploadedAt());
        return o;
    }

    private Project find(long id) {
        Project p = em.find(Project.class, id);
        if (p == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + id + ".");
        }
        return p;
    }

    private JsonObjectBuilder project(Project p) {
        long shots = em.createQuery("select count(s) from Shot s where s.sequence.project.id = :p and s.omitted = false", Long.class)
                .setParameter("p", p.getId()).getSingleResult();
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", p.getId()).add("name", p.getName()).add("shots", shots);
        JsonOut.add(o, "budgetUsd", p.getBudgetUsd());
        JsonOut.add(o, "createdAt", p.getCreatedAt());
        JsonOut.add(o, "updatedAt", p.getUpdatedAt());
        return o;
    }
}
