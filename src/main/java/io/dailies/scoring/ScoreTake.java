package io.dailies.scoring;

import io.dailies.platform.CrashPoints;
import io.dailies.core.Run;
import io.dailies.core.Take;
import io.dailies.scoring.judge.TakeJudge;
import io.dailies.scoring.media.AcceptanceScorer;
import io.dailies.scoring.media.CriterionScore;
import io.dailies.scoring.media.TakeAnalyzer;
import io.dailies.scoring.media.TakeMeasurements;
import io.dailies.scoring.media.TakeScore;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;

/** Decodes a stored take once and measures it; continuity follows once its neighbours are measured. */
@Dependent
@Named("scoreTake")
public class ScoreTake implements ItemProcessor {

    record Scored(long takeId, TakeScore score, String measurements, TakeJudge.Judgement judgement, String failure) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ProjectThresholds thresholds;

    @Inject
    TakeJudge judge;

    /** The video analysis runs beside the decoder on a thread the container manages. */
    @Resource
    ManagedThreadFactory threads;

    @Override
    public Object processItem(Object item) throws Exception {
        CrashPoints.reach("score.take");
        Take take = em.find(Take.class, (Long) item);
        Path file = Path.of(take.getFilePath());
        TakeMeasurements m;
        try {
            m = TakeAnalyzer.analyze(file, threads);
        } catch (Exception e) {
            // A take that cannot be decoded fails on its own; the rest of the run is still scored and reported.
            return new Scored(take.getId(), null, null, null, "The stored take could not be decoded for scoring: " + e.getMessage());
        }
        TakeScore score = AcceptanceScorer.score(m, Scoring.expectation(take),
                new CriterionScore(null, "Continuity is judged once the neighbouring shots are scored."),
                thresholds.forProject(take.getRun().getProject().getId()));
        // A batch run's judge answers through the Batch API in the next step, at batch price.
        TakeJudge.Judgement judgement = take.getRun().isJudge() && take.getRun().getMode() == Run.Mode.SYNC
                ? judge.judge(take.getPrompt(), file) : null;
        return new Scored(take.getId(), score, Scoring.toJson(m), judgement, null);
    }
}
