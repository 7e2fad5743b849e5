package io.dailies.production;

import io.dailies.prompt.CompiledPrompt;
import io.dailies.prompt.PromptCompiler;
import io.dailies.prompt.ShotPillars;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * First step of a run: compile every active shot's prompt and plan one take per shot. Idempotent, so
 * a restarted run plans only what it had not planned yet.
 */
@Dependent
@Named("planTakes")
public class PlanTakes extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @PersistenceContext
    EntityManager em;

    @Override
    @Transactional
    public String process() {
        Run run = em.find(Run.class, Long.parseLong(runId));
        List<Shot> shots = em.createNamedQuery("Shot.activeByProject", Shot.class)
                .setParameter("projectId", run.getProject().getId()).getResultList();
        Set<Long> planned = new HashSet<>(em.createQuery("select t.shot.id from Take t where t.run.id = :r", Long.class)
                .setParameter("r", run.getId()).getResultList());
        for (Shot shot : shots) {
            if (planned.contains(shot.getId())) {
                continue;
            }
            ShotContent c = shot.content();
            CompiledPrompt prompt = PromptCompiler.compile(new ShotPillars(c.subjectAction(), c.cameraMovement(),
                    c.settingTime(), c.lightingPalette(), c.styleTechnical(), c.dialogue()));
            em.persist(new Take(run, shot, prompt.text(), prompt.hash()));
        }
        run.setTotalTakes(shots.size() > planned.size() ? shots.size() : planned.size());
        return "PLANNED";
    }
}
