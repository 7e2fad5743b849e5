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
import jakarta.json.JsonBuilderFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

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
        LintReport report = lint(shot, look);
        ShotPrompt version = apply(shot, report, change, revisesTakeId);
        if (version != null) {
            em.persist(version);
        }
        return report;
    }

    /** The shot's prompt compiled and linted against the look; nothing stored. */
    public LintReport lint(Shot shot, Look look) {
        ShotSpec spec = ShotSpec.of(shot.content(), shot.getSequence().getCode(), shot.getCode());
        return new PromptLinter(catalog).lint(spec, look.spine(), look.bible());
    }

    /**
     * Writes the report's prompt and findings on the shot; answers the new prompt version when the text changed
     * (null otherwise), for the caller to persist. A new shot takes its prompt before it is persisted, so it is
     * inserted once, not inserted and then updated.
     */
    public ShotPrompt apply(Shot shot, LintReport report, String change, Long revisesTakeId) {
        CompiledPrompt prompt = report.prompt();
        ShotPrompt version = null;
        if (!prompt.hash().equals(shot.getPromptHash())) {
            int number = shot.getPromptVersion() + 1;
            version = new ShotPrompt(shot, number, prompt, change, revisesTakeId);
            shot.setPrompt(prompt.text(), prompt.hash(), number);
        }
        shot.setLint(json(report.findings()), report.errors().size(), report.warnings().size());
        return version;
    }

    @Transactional
    public List<ShotPrompt> versions(long shotId) {
        return em.createNamedQuery("ShotPrompt.byShot", ShotPrompt.class).setParameter("shotId", shotId).getResultList();
    }

    /** Made once: each {@code Json.create...} call looks the JSON provider up again (a service-loader scan). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    static String json(List<LintFinding> findings) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (LintFinding f : findings) {
            all.add(JSON.createObjectBuilder()
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
