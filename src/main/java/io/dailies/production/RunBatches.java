package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.core.RunBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Commits each step of a run's Batch API job on its own (REQUIRES_NEW), like the {@link TakeLedger} does
 * for single takes: the database is the checkpoint a restarted run resumes from.
 */
@ApplicationScoped
public class RunBatches {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RunBatch findOrCreate(long runId, RunBatch.Purpose purpose) {
        List<RunBatch> known = em.createNamedQuery("RunBatch.of", RunBatch.class)
                .setParameter("runId", runId).setParameter("purpose", purpose).getResultList();
        if (!known.isEmpty()) {
            return known.get(0);
        }
        Run run = em.find(Run.class, runId);
        // A name no other run or purpose uses: how an upload cut off by a crash is recognised at the provider.
        RunBatch b = new RunBatch(run, purpose, "dailies-run-" + runId + "-" + purpose.name().toLowerCase(java.util.Locale.ROOT)
                + "-" + run.getCreatedAt().toEpochMilli() + ".jsonl");
        em.persist(b);
        return b;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RunBatch find(long id) {
        return em.find(RunBatch.class, id);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordInputFile(long id, String fileId) {
        em.find(RunBatch.class, id).recordInputFile(fileId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordCreateIntent(long id) {
        em.find(RunBatch.class, id).recordCreateIntent();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordBatch(long id, String batchId, String status) {
        em.find(RunBatch.class, id).recordBatch(batchId, status);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordProgress(long id, String status, int total, int completed, int failed, String outputFileId, String errorFileId) {
        em.find(RunBatch.class, id).recordProgress(status, total, completed, failed, outputFileId, errorFileId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordCollected(long id) {
        em.find(RunBatch.class, id).recordCollected();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<RunBatch> ofRun(long runId) {
        return em.createQuery("select b from RunBatch b where b.run.id = :runId order by b.id", RunBatch.class)
                .setParameter("runId", runId).getResultList();
    }
}
