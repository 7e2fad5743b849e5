package io.dailies.scoring;

import io.dailies.core.Score;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/** The scores of a run's takes, by take id: what reports, write-back and reviews look up. */
@ApplicationScoped
public class RunScores {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public Map<Long, Score> byTake(long runId) {
        Map<Long, Score> scores = new HashMap<>();
        for (Score s : em.createNamedQuery("Score.byRun", Score.class).setParameter("runId", runId).getResultList()) {
            scores.put(s.getTake().getId(), s);
        }
        return scores;
    }
}
