package io.dailies.emulator;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Not part of the provider protocol: the emulator's own counters, so tests can prove what a client
 * really created (and paid for), e.g. that a crash never made a take twice; its fault plan, so a
 * test can make the provider misbehave on purpose; and its defect rules, so a test can have takes
 * rendered with chosen defects. Control requests are never faulted nor counted.
 */
@Path("control")
@Produces(MediaType.APPLICATION_JSON)
public class ControlEndpoint {

    @PersistenceContext
    EntityManager em;

    @Inject
    Emulator emulator;

    @Inject
    Faults faults;

    @Inject
    RequestCounters requests;

    @Inject
    Defects defects;

    /**
     * {"videos_created": n, "created_per_prompt": {sha256(prompt): count},
     *  "requests": {"POST /videos 200": n, "POST /videos 429": n, "GET /videos/{id} 200": n, ...}, "faults_fired": n}
     */
    @GET
    @Path("counters")
    public String counters() {
        JsonObjectBuilder perPrompt = Json.createObjectBuilder();
        List<Object[]> rows = em.createQuery("select v.prompt, count(v) from EmulatedVideo v group by v.prompt", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            perPrompt.add(sha256((String) row[0]), (Long) row[1]);
        }
        JsonObjectBuilder perRequest = Json.createObjectBuilder();
        for (Map.Entry<String, Long> e : requests.requests().entrySet()) {
            perRequest.add(e.getKey(), e.getValue());
        }
        return Json.createObjectBuilder()
                .add("videos_created", emulator.createdCount())
                .add("created_per_prompt", perPrompt)
                .add("batches_created", emulator.batchesCreated())
                .add("files_uploaded", emulator.filesUploaded())
                .add("requests", perRequest)
                .add("faults_fired", requests.faultsFired())
                .build().toString();
    }

    /** Starts the request counts and faults_fired afresh; the created counts (from the database) never reset. */
    @POST
    @Path("counters/reset")
    public String resetCounters() {
        requests.reset();
        return counters();
    }

    /** The current plan: {"seed": n, "rules": [{...rule..., "fired": n}]}. */
    @GET
    @Path("faults")
    public String faultPlan() {
        return faults.describe().toString();
    }

    /** Replaces the plan (its rules' tallies and chance start afresh); a bad plan is a 400 naming the rule and field. */
    @PUT
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public String replaceFaultPlan(String body) {
        if (body == null || body.isBlank()) {
            throw EmulatorErrors.invalid(null, "Send a fault plan {\"seed\": n, \"rules\": [...]}; DELETE removes all faults.");
        }
        try {
            faults.replace(FaultPlan.parse(body));
        } catch (FaultPlan.Invalid e) {
            throw EmulatorErrors.invalid(e.param(), e.getMessage());
        }
        return faults.describe().toString();
    }

    /** No faults: the emulator behaves like a healthy provider again. */
    @DELETE
    @Path("faults")
    public String clearFaultPlan() {
        faults.clear();
        return faults.describe().toString();
    }

    /** The current defect rules: {"rules": [{...rule as written..., "applied": n}]}. */
    @GET
    @Path("defects")
    public String defectRules() {
        return defects.describe().toString();
    }

    /**
     * Replaces the defect rules (their tallies start afresh), e.g.
     * {"rules": [{"prompt_contains": "SC1-02", "defects": ["flicker"]}, {"model": "sora-2", "defects": ["silent"], "count": 1}]};
     * bad rules are a 400 naming the rule and field. They apply to generations accepted from now on.
     */
    @PUT
    @Path("defects")
    @Consumes(MediaType.APPLICATION_JSON)
    public String replaceDefectRules(String body) {
        if (body == null || body.isBlank()) {
            throw EmulatorErrors.invalid(null, "Send defect rules {\"rules\": [...]}; DELETE removes them all.");
        }
        try {
            defects.replace(DefectPlan.parse(body));
        } catch (FaultPlan.Invalid e) {
            throw EmulatorErrors.invalid(e.param(), e.getMessage());
        }
        return defects.describe().toString();
    }

    /** No defect rules: takes are clean again (unless a prompt carries a [[defect: ...]] marker). */
    @DELETE
    @Path("defects")
    public String clearDefectRules() {
        defects.clear();
        return defects.describe().toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
