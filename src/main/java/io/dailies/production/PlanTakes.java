package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.core.Shot;
import io.dailies.core.Take;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptBook;
import io.dailies.provider.catalog.BillingMode;
import io.dailies.provider.catalog.ModelCatalog;
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
 * First step of a run: compile and lint every chosen shot's prompt ({@link ShotSelection}: every active shot
 * unless a scheduled run asks for fewer) and plan one take per shot; a shot
 * whose prompt has lint errors gets a failed take and costs nothing. Idempotent, so
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

    @Inject
    PromptBook prompts;

    @Inject
    ModelCatalog catalog;

    @Inject
    ShotSelection selection;

    @Override
    @Transactional
    public String process() {
        Run run = em.find(Run.class, Long.parseLong(runId));
        // All active shots, or a scheduled night's choice (pending or failed ones, within the night's budget).
        List<Shot> shots = selection.select(run.getProject().getId(), run.getShots(), run.getMode(), run.getCapUsd(), run.getPickedShots()).shots();
        Set<Long> planned = new HashSet<>(em.createQuery("select t.shot.id from Take t where t.run.id = :r", Long.class)
                .setParameter("r", run.getId()).getResultList());
        PromptBook.Look look = PromptBook.Look.of(run.getProject());
        for (Shot shot : shots) {
            if (planned.contains(shot.getId())) {
                continue;
            }
            // Linted again right before money is spent: an error keeps the take from being submitted.
            LintReport lint = prompts.refresh(shot, look, "run #" + run.getId(), null);
            Take take = new Take(run, shot, shot.getPrompt(), shot.getPromptHash());
            // What the take costs at this run's billing mode, so the report can say what each mode spent.
            BillingMode billing = run.getMode() == Run.Mode.BATCH ? BillingMode.BATCH : BillingMode.SYNC;
            catalog.model(take.getModel()).ifPresent(m -> take.setCostUsd(m.cost(take.getSize(), take.getSeconds(), billing)));
            if (lint.blocksSubmission()) {
                take.fail("Not submitted, the prompt has lint errors:\n" + PromptBook.describe(lint.errors()));
            }
            em.persist(take);
        }
        run.setTotalTakes(shots.size() > planned.size() ? shots.size() : planned.size());
        return "PLANNED";
    }
}
