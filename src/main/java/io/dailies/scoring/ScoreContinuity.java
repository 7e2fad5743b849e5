package io.dailies.scoring;

import io.dailies.core.Score;
import io.dailies.core.Take;
import io.dailies.scoring.media.AcceptanceScorer;
import io.dailies.scoring.media.CriterionScore;
import io.dailies.scoring.media.ScoringThresholds;
import io.dailies.scoring.media.TakeMeasurements;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Continuity across cuts: each shot is compared with its neighbours in the same sequence (the last
 * frame of one against the first of the next) and keeps the worse of its two cuts. A sequence of one
 * shot has no cut to judge, and says so.
 */
@Dependent
@Named("scoreContinuity")
public class ScoreContinuity extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @PersistenceContext
    EntityManager em;

    @Inject
    ProjectThresholds projectThresholds;

    @Override
    @Transactional
    public String process() {
        List<Score> scores = em.createQuery("select s from Score s join fetch s.take t join fetch t.shot h join fetch h.sequence q"
                        + " where t.run.id = :runId order by q.position, h.position", Score.class)
                .setParameter("runId", Long.parseLong(runId)).getResultList();
        if (scores.isEmpty()) {
            return "SCORED";
        }
        ScoringThresholds thresholds = projectThresholds.forProject(scores.get(0).getTake().getRun().getProject().getId());
        Map<Long, List<Score>> bySequence = new LinkedHashMap<>();
        for (Score s : scores) {
            bySequence.computeIfAbsent(s.getTake().getShot().getSequence().getId(), k -> new ArrayList<>()).add(s);
        }
        for (List<Score> sequence : bySequence.values()) {
            List<TakeMeasurements> measured = sequence.stream().map(Scoring::measurements).toList();
            List<CriterionScore> continuity = AcceptanceScorer.sequenceContinuity(measured, thresholds);
            for (int i = 0; i < sequence.size(); i++) {
                Take take = sequence.get(i).getTake();
                Scoring.apply(AcceptanceScorer.score(measured.get(i), Scoring.expectation(take), continuity.get(i), thresholds),
                        sequence.get(i));
            }
        }
        return "SCORED";
    }
}
