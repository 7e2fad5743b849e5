package io.dailies.scoring;

import io.dailies.core.Score;
import io.dailies.core.Take;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Stores each take's score and marks it scored, in the chunk's transaction. */
@Dependent
@Named("saveScores")
public class SaveScores extends AbstractItemWriter {

    @PersistenceContext
    EntityManager em;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            ScoreTake.Scored scored = (ScoreTake.Scored) item;
            Take take = em.find(Take.class, scored.takeId());
            if (scored.failure() != null) {
                take.fail(scored.failure());
                continue;
            }
            Score score = em.createNamedQuery("Score.byTake", Score.class).setParameter("takeId", take.getId())
                    .getResultStream().findFirst().orElse(null);
            if (score == null) {
                score = new Score(take);
                em.persist(score);
            }
            score.setMeasurements(scored.measurements());
            if (scored.judgement() != null) {
                var j = scored.judgement();
                score.setJudgement(j.promptAdherence(), j.physicalRealism(), j.rationale(), j.model());
            }
            Scoring.apply(scored.score(), score);
            take.recordScored();
        }
    }
}
