package io.dailies.scoring.judge;

import io.dailies.core.Score;
import io.dailies.core.Take;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.List;

/** The judge's side of a run's scores: which takes still wait for a judgement, and recording one. */
@ApplicationScoped
public class Judgements {

    /** A scored take the judge has not answered for yet. */
    public record Unjudged(long takeId, String prompt, Path file) {
    }

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Unjudged> unjudged(long runId) {
        return em.createQuery("select s.take.id, s.take.prompt, s.take.filePath from Score s where s.take.run.id = :r"
                        + " and s.judgeModel is null and s.take.status = :scored order by s.take.id", Object[].class)
                .setParameter("r", runId).setParameter("scored", Take.Status.SCORED).getResultList().stream()
                .map(row -> new Unjudged((Long) row[0], (String) row[1], Path.of((String) row[2]))).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(long takeId, TakeJudge.Judgement judgement) {
        Score score = em.createNamedQuery("Score.byTake", Score.class).setParameter("takeId", takeId).getSingleResult();
        score.setJudgement(judgement.promptAdherence(), judgement.physicalRealism(), judgement.rationale(), judgement.model());
    }
}
