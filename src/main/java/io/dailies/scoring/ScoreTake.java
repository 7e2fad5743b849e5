package io.dailies.scoring;

import io.dailies.production.Take;
import io.dailies.scoring.media.AcceptanceScorer;
import io.dailies.scoring.media.CriterionScore;
import io.dailies.scoring.media.TakeAnalyzer;
import io.dailies.scoring.media.TakeMeasurements;
import io.dailies.scoring.media.TakeScore;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;

/** Decodes a stored take once and measures it; continuity follows once its neighbours are measured. */
@Dependent
@Named("scoreTake")
public class ScoreTake implements ItemProcessor {

    record Scored(long takeId, TakeScore score, String measurements) {
    }

    @PersistenceContext
    EntityManager em;

    @Override
    public Object processItem(Object item) throws Exception {
        Take take = em.find(Take.class, (Long) item);
        TakeMeasurements m = TakeAnalyzer.analyze(Path.of(take.getFilePath()));
        TakeScore score = AcceptanceScorer.score(m, Scoring.expectation(take),
                new CriterionScore(null, "Continuity is judged once the neighbouring shots are scored."), Scoring.thresholds());
        return new Scored(take.getId(), score, Scoring.toJson(m));
    }
}
