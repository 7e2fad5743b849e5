package io.dailies.prompt;

import io.dailies.core.Shot;
import io.dailies.core.ShotPrompt;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A shot's prompt versions: listed, compared two by two, and extended by a retake that changes one
 * element of the shot and compiles the next version.
 */
@ApplicationScoped
public class PromptHistory {

    @PersistenceContext
    EntityManager em;

    @Inject
    PromptBook prompts;

    /** The shot's prompt versions, oldest first; 404 for no such shot. */
    @Transactional
    public List<ShotPrompt> versions(long shotId) {
        shot(shotId);
        return prompts.versions(shotId);
    }

    /** A page of the shot's prompt versions, oldest first; 404 for no such shot. */
    @Transactional
    public Page<ShotPrompt> versions(long shotId, PageRequest page) {
        shot(shotId);
        List<ShotPrompt> versions = page.rows(em.createNamedQuery("ShotPrompt.byShot", ShotPrompt.class).setParameter("shotId", shotId));
        return new Page<>(versions, page.total(versions, () -> em.createQuery("select count(p) from ShotPrompt p where p.shot.id = :s",
                Long.class).setParameter("s", shotId).getSingleResult()), page);
    }

    /**
     * Two versions compared; by default the last one with the one before it. 404 for no such shot, a shot
     * without a prompt, or no such version.
     */
    @Transactional
    public PromptDiffView compare(long shotId, Integer from, Integer to) {
        shot(shotId);
        List<ShotPrompt> versions = prompts.versions(shotId);
        if (versions.isEmpty()) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "Shot " + shotId + " has no compiled prompt yet.");
        }
        int last = versions.get(versions.size() - 1).getNumber();
        ShotPrompt a = version(versions, from == null ? Math.max(1, last - 1) : from, shotId);
        ShotPrompt b = version(versions, to == null ? last : to, shotId);
        PromptDiff diff = PromptDiff.between(a.compiled(), b.compiled());
        return new PromptDiffView(a.getNumber(), b.getNumber(), diff.render(), diff.renderWords());
    }

    /**
     * Revises the shot with one change and compiles it: the new prompt version differs from the last only
     * in that element and is linked to the shot's latest take, the one it revises. All in one transaction.
     * 404 for no such shot; 400 when there is no request or its change cannot be told.
     */
    @Transactional
    public RetakeView retake(long shotId, RetakeRequest request) {
        Shot shot = shot(shotId);
        ApiProblem.require(request != null, "Send a JSON object: {\"change\": \"lens: 85mm\"}.");
        Retake.Change change = change(request);
        String before = shot.getPrompt();
        ShotSpec spec = ShotSpec.of(shot.content(), shot.getSequence().getCode(), shot.getCode());
        shot.revise(Retake.apply(spec, change).toContent());
        Long revises = em.createQuery("select max(t.id) from Take t where t.shot.id = :s", Long.class)
                .setParameter("s", shotId).getSingleResult();
        LintReport lint = prompts.refresh(shot, PromptBook.Look.of(shot.getSequence().getProject()), change.describe(), revises);
        PromptDiff diff = PromptDiff.between(before == null ? "" : before, shot.getPrompt());
        return new RetakeView(shotId, shot.getPromptVersion(), change.describe(), shot.getPrompt(), diff.render(),
                lint.errors().size(), revises);
    }

    private static Retake.Change change(RetakeRequest request) {
        try {
            if (request.element() != null) {
                Retake.Element element = Retake.Element.forName(request.element())
                        .orElseThrow(() -> new IllegalArgumentException("unknown element '" + request.element() + "'"));
                return Retake.Change.of(element, request.value() == null ? "" : request.value());
            } else if (request.change() != null) {
                return Retake.Change.parse(request.change());
            } else {
                throw new IllegalArgumentException("send {\"change\": \"lens: 85mm\"} or {\"element\": \"lens\", \"value\": \"85mm\"}");
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "Retake: " + e.getMessage() + ".");
        }
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
}
