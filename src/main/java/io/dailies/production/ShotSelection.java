package io.dailies.production;

import io.dailies.core.Run;
import io.dailies.core.Shot;
import io.dailies.core.Take;
import io.dailies.core.Verdict;
import io.dailies.provider.catalog.BillingMode;
import io.dailies.provider.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of a project's active shots a run renders (all, pending or failed, {@link Run.Shots}) and how many of
 * them fit a cap in USD, in workbook order. The scheduler asks it before it starts a night's run (nothing to do
 * is a skipped night) and the run's plan step asks it again, so both see the same shots.
 */
@ApplicationScoped
public class ShotSelection {

    /**
     * @param shots      the shots to render, in workbook order, within the cap
     * @param candidates how many shots the choice named before the cap
     * @param estimateUsd what the chosen shots cost at the run's billing mode
     */
    public record Selection(List<Shot> shots, int candidates, BigDecimal estimateUsd) {
        /** Shots the choice named that the cap left for another run. */
        public int overCap() {
            return candidates - shots.size();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ModelCatalog catalog;

    @Transactional
    public Selection select(long projectId, Run.Shots which, Run.Mode mode, BigDecimal capUsd) {
        return select(projectId, which, mode, capUsd, Set.of());
    }

    /** The same, among the shots picked only (none picked: all the project's active shots). */
    @Transactional
    public Selection select(long projectId, Run.Shots which, Run.Mode mode, BigDecimal capUsd, Set<Long> picked) {
        List<Shot> active = em.createNamedQuery("Shot.activeByProject", Shot.class).setParameter("projectId", projectId).getResultList();
        if (!picked.isEmpty()) {
            active = active.stream().filter(s -> picked.contains(s.getId())).toList();
        }
        List<Shot> chosen = switch (which) {
            case ALL -> active;
            case PENDING -> {
                Set<Long> delivered = new HashSet<>(em.createQuery("select distinct t.shot.id from Take t where t.run.project.id = :p"
                        + " and t.status in :done", Long.class).setParameter("p", projectId)
                        .setParameter("done", Set.of(Take.Status.STORED, Take.Status.SCORED)).getResultList());
                yield active.stream().filter(s -> !delivered.contains(s.getId())).toList();
            }
            case FAILED -> {
                Set<Long> failed = failedShots(projectId);
                yield active.stream().filter(s -> failed.contains(s.getId())).toList();
            }
        };
        BillingMode billing = mode == Run.Mode.BATCH ? BillingMode.BATCH : BillingMode.SYNC;
        Function<Shot, BigDecimal> cost = s -> catalog.model(s.getModel()).map(m -> m.cost(s.getSize(), s.getSeconds(), billing))
                .orElse(BigDecimal.ZERO);
        int fit = fitting(chosen, cost, capUsd);
        List<Shot> shots = List.copyOf(chosen.subList(0, fit));
        BigDecimal estimate = shots.stream().map(cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Selection(shots, chosen.size(), estimate);
    }

    /** How many of the first items fit the cap together, in order (all of them without a cap). */
    public static <T> int fitting(List<T> items, Function<T, BigDecimal> cost, BigDecimal cap) {
        if (cap == null) {
            return items.size();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            sum = sum.add(cost.apply(items.get(i)));
            if (sum.compareTo(cap) > 0) {
                return i;
            }
        }
        return items.size();
    }

    /** Shots whose latest take failed (or was deferred) or whose verdict that counts is RETAKE. */
    private Set<Long> failedShots(long projectId) {
        List<Take> latest = em.createQuery("select t from Take t where t.id in (select max(t2.id) from Take t2"
                + " where t2.run.project.id = :p group by t2.shot.id)", Take.class).setParameter("p", projectId).getResultList();
        Map<Long, Long> shotOfTake = new HashMap<>();
        Set<Long> failed = new HashSet<>();
        for (Take t : latest) {
            if (t.getStatus() == Take.Status.FAILED) {
                failed.add(t.getShot().getId());
            } else {
                shotOfTake.put(t.getId(), t.getShot().getId());
            }
        }
        List<Long> ids = new ArrayList<>(shotOfTake.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> page = ids.subList(from, Math.min(ids.size(), from + 500));
            Verdicts verdicts = Verdicts.of(em, page);
            for (Long takeId : page) {
                if (verdicts.of(takeId) == Verdict.RETAKE) {
                    failed.add(shotOfTake.get(takeId));
                }
            }
        }
        return failed;
    }
}
