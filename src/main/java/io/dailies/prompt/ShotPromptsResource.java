package io.dailies.prompt;

import io.dailies.ApiProblem;
import io.dailies.JsonOut;
import io.dailies.production.ShotContent;
import io.dailies.production.Shot;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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

/**
 * A shot's prompt versions (GET /api/shots/{id}/prompts), the diff between two of them
 * (GET .../prompts/diff?from=&to=), and retakes with one change (POST /api/shots/{id}/retakes).
 */
@Path("shots/{shotId}")
@Produces(MediaType.APPLICATION_JSON)
public class ShotPromptsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    PromptBook prompts;

    @GET
    @Path("prompts")
    @Transactional
    public String versions(@PathParam("shotId") long shotId) {
        shot(shotId);
        JsonArrayBuilder all = Json.createArrayBuilder();
        prompts.versions(shotId).forEach(v -> all.add(json(v)));
        return all.build().toString();
    }

    @GET
    @Path("prompts/diff")
    @Transactional
    public String diff(@PathParam("shotId") long shotId, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        shot(shotId);
        List<ShotPrompt> versions = prompts.versions(shotId);
        if (versions.isEmpty()) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "Shot " + shotId + " has no compiled prompt yet.");
        }
        int last = versions.get(versions.size() - 1).getNumber();
        ShotPrompt a = version(versions, from == null ? Math.max(1, last - 1) : from, shotId);
        ShotPrompt b = version(versions, to == null ? last : to, shotId);
        PromptDiff diff = PromptDiff.between(a.compiled(), b.compiled());
        return Json.createObjectBuilder().add("from", a.getNumber()).add("to", b.getNumber())
                .add("diff", diff.render()).add("words", diff.renderWords()).build().toString();
    }

    /**
     * One named change, as in the guide's iterative workflow: {"change": "same shot, switch to 85 mm"}
     * or {"element": "palette", "value": "teal, sand, rust"}. The new prompt version differs from the
     * last only in that element and is linked to the shot's latest take, the one it revises.
     */
    @POST
    @Path("retakes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response retake(@PathParam("shotId") long shotId, JsonObject body) {
        Shot shot = shot(shotId);
        ApiProblem.require(body != null, "Send a JSON object: {\"change\": \"lens: 85mm\"}.");
        Retake.Change change;
        try {
            if (body.containsKey("element")) {
                Retake.Element element = Retake.Element.forName(text(body, "element"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown element '" + text(body, "element") + "'"));
                change = Retake.Change.of(element, text(body, "value") == null ? "" : text(body, "value"));
            } else if (text(body, "change") != null) {
                change = Retake.Change.parse(text(body, "change"));
            } else {
                throw new IllegalArgumentException("send {\"change\": \"lens: 85mm\"} or {\"element\": \"lens\", \"value\": \"85mm\"}");
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "Retake: " + e.getMessage() + ".");
        }
        String before = shot.getPrompt();
        ShotSpec spec = shot.content().toSpec(shot.getSequence().getCode(), shot.getCode());
        shot.revise(ShotContent.of(Retake.apply(spec, change)));
        Long revises = em.createQuery("select max(t.id) from Take t where t.shot.id = :s", Long.class)
                .setParameter("s", shotId).getSingleResult();
        LintReport lint = prompts.refresh(shot, PromptBook.Look.of(shot.getSequence().getProject()), change.describe(), revises);
        PromptDiff diff = PromptDiff.between(before == null ? "" : before, shot.getPrompt());
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("shotId", shotId)
                .add("version", shot.getPromptVersion())
                .add("change", change.describe())
                .add("prompt", shot.getPrompt())
                .add("diff", diff.render())
                .add("lintErrors", lint.errors().size());
        JsonOut.add(o, "revisesTakeId", revises);
        return Response.created(URI.create("/api/shots/" + shotId + "/prompts")).entity(o.build().toString()).build();
    }

    private Shot shot(long id) {
        Shot s = em.find(Shot.class, id);
        if (s == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No shot " + id + ".");
        }
        return s;
    }

    private static ShotPrompt version(List<ShotPrompt> versions, int number, long shotId) {
        return versions.stream().filter(v -> v.getNumber() == number).findFirst()
                .orElseThrow(() -> ApiProblem.of(Response.Status.NOT_FOUND, "Shot " + shotId + " has no prompt version " + number + "."));
    }

    static JsonObject json(ShotPrompt v) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("number", v.getNumber())
                .add("hash", v.getHash())
                .add("compilerVersion", v.getCompilerVersion());
        JsonOut.add(o, "change", v.getChange());
        JsonOut.add(o, "revisesTakeId", v.getRevisesTakeId());
        JsonOut.add(o, "createdAt", v.getCreatedAt());
        return o.add("text", v.getText()).build();
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(key).strip();
    }
}
