package io.dailies.prompt;

import io.dailies.core.CompiledPrompt;
import io.dailies.core.Project;
import io.dailies.core.Shot;
import io.dailies.core.ShotPrompt;
import io.dailies.provider.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Keeps each shot's prompt current: compiles it from the shot, the project's style spine and character
 * bible, lints it, stores the result on the shot, and adds a prompt version whenever the text changes.
 */
@ApplicationScoped
public class PromptBook {

    @PersistenceContext
    EntityManager em;

    @Inject
    ModelCatalog catalog;

    /** The look shots are compiled against: the project's style spine and character bible. */
    public record Look(StyleSpine spine, CharacterBible bible) {
        public static Look of(Project p) {
            return new Look(ProjectLook.spine(p), ProjectLook.bible(p));
        }
    }

    /** Compiles and lints a shot; a changed prompt becomes a new version. Call inside a transaction. */
    public LintReport refresh(Shot shot, Look look, String change, Long revisesTakeId) {
        ShotSpec spec = ShotSpec.of(shot.content(), shot.getSequence().getCode(), shot.getCode());
        LintReport report = new PromptLinter(catalog).lint(spec, look.spine(), look.bible());
        CompiledPrompt prompt = report.prompt();
        if (!prompt.hash().equals(shot.getPromptHash())) {
            int number = shot.getPromptVersion() + 1;
            em.persist(new ShotPrompt(shot, number, prompt, change, revisesTakeId));
            shot.setPrompt(prompt.text(), prompt.hash(), number);
        }
        shot.setLint(json(report.findings()), report.errors().size(), report.warnings().size());
        return report;
    }

    @Transactional
    public List<ShotPrompt> versions(long shotId) {
        return em.createNamedQuery("ShotPrompt.byShot", ShotPrompt.class).setParameter("shotId", shotId).getResultList();
    }

    static String json(List<LintFinding> findings) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (LintFinding f : findings) {
            all.add(Json.createObjectBuilder()
                    .add("rule", f.ruleId())
                    .add("severity", f.severity().name())
                    .add("message", f.message())
                    .add("fix", f.fix() == null ? "" : f.fix()));
        }
        return all.build().toString();
    }

    /** One line per finding, for a take's failure reason or a report's notes. */
    public static String describe(List<LintFinding> findings) {
        StringBuilder b = new StringBuilder();
        for (LintFinding f : findings) {
            b.append(b.length() == 0 ? "" : "\n").append(f.ruleId()).append(": ").append(f.message())
                    .append(f.fix() == null || f.fix().isBlank() ? "" : " Fix: " + f.fix());
        }
        return b.toString();
    }
}
