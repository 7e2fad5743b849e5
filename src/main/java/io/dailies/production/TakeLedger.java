package io.dailies.production;

import io.dailies.core.Take;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The submission ledger: every change of a take's state around a paid call commits on its own,
 * before the next call is made. What is committed here is what a restart trusts.
 */
@ApplicationScoped
public class TakeLedger {

    @PersistenceContext
    EntityManager em;

    @Transactional(TxType.REQUIRES_NEW)
    public void recordIntent(long takeId, String requestHash, String idempotencyKey) {
        em.find(Take.class, takeId).recordIntent(requestHash, idempotencyKey);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void recordSubmitted(long takeId, String videoId) {
        em.find(Take.class, takeId).recordSubmitted(videoId);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void recordPoll(long takeId, int progress) {
        em.find(Take.class, takeId).recordPoll(progress);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void recordStored(long takeId, String path, String sha256, long bytes) {
        em.find(Take.class, takeId).recordStored(path, sha256, bytes);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void recordFailed(long takeId, String reason) {
        em.find(Take.class, takeId).fail(reason);
    }

    /**
     * The run's submission deadline passed (a scheduled window closed) before this take was sent: it fails
     * saying so, uncharged, and the next night's run (pending or failed shots) renders it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordDeferred(long takeId, String reason) {
        Take take = em.find(Take.class, takeId);
        take.setCostUsd(null); // never sent: nothing is charged
        take.fail(reason);
    }

    /** Back to the queue: the call certainly did not reach the provider, so it can be made again. */
    @Transactional(TxType.REQUIRES_NEW)
    public void requeue(long takeId) {
        em.find(Take.class, takeId).requeue();
    }

    @Transactional
    public List<Take> takes(long runId, Set<Take.Status> statuses) {
        List<Take> takes = em.createNamedQuery("Take.byRunAndStatus", Take.class)
                .setParameter("runId", runId).setParameter("statuses", statuses).getResultList();
        takes.forEach(em::detach);
        return takes;
    }

    /** Provider ids already owned by some take: reconciliation must never adopt one twice. */
    @Transactional
    public Set<String> claimedVideoIds() {
        return new HashSet<>(em.createQuery("select t.videoId from Take t where t.videoId is not null", String.class)
                .getResultList());
    }

    public static Set<Take.Status> inFlight() {
        return EnumSet.of(Take.Status.SUBMITTING, Take.Status.GENERATING);
    }
}
