package io.dailies.report;

import io.dailies.platform.CrashPoints;
import io.dailies.core.Review;
import io.dailies.core.Run;
import io.dailies.core.Score;
import io.dailies.core.Take;
import io.dailies.core.TakeResult;
import io.dailies.platform.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's dailies report from what the database knows now: scores, judge scores, and the
 * reviewers' verdicts, which override the automated ones.
 */
@ApplicationScoped
public class RunReports {

    @PersistenceContext
    EntityManager em;

    @Inject
    Storage storage;



    /** Takes read, scored and written a page at a time: the report of a 100,000-take run fits a small heap. */
    static final int PAGE = 500;

    @Transactional
    public Path write(long runId) {
        Path file = write(runId, storage.dir("reports").resolve("run-" + runId + ".xlsx"), null);
        CrashPoints.reach("report.write"); // the workbook written, the run not told yet
        // Where the report is, relative to the storage folder: the server's own paths stay on the server.
        em.find(Run.class, runId).setReportFile(storage.relative(file));
        return file;
    }

    /**
     * The run's report written to {@code file}, with {@code more} adding sheets of its own after the report's
     * (the morning dailies' summary and chart); the run is not told of this file.
     */
    @Transactional
    public Path write(long runId, Path file, java.util.function.Consumer<org.apache.poi.xssf.streaming.SXSSFWorkbook> more) {
        Run run = em.find(Run.class, runId);
        long total = em.createQuery("select count(t) from Take t where t.run.id = :r", Long.class).setParameter("r", runId).getSingleResult();
        int reviewedTakes = em.createQuery("select count(distinct r.take.id) from Review r where r.take.run.id = :r", Long.class)
                .setParameter("r", runId).getSingleResult().intValue();
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Project", run.getProject().getName());
        summary.put("Run", run.getId().toString());
        summary.put("Started", run.getCreatedAt().toString());
        summary.put("Takes", Long.toString(total));
        String mode = run.getMode().name().toLowerCase(java.util.Locale.ROOT);
        String modeText = mode + (run.getMode() == Run.Mode.BATCH ? " (Batch API, batch price)" : " (one create call per take)");
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        long[] failed = {0};
        long[] charged = {0};
        java.math.BigDecimal[] spent = {java.math.BigDecimal.ZERO};
        Iterable<TakeResult> rows = () -> new java.util.Iterator<>() {
            private int offset;
            private java.util.Iterator<TakeResult> page = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && offset < total) {
                    page = page(runId, offset).iterator();
                    offset += PAGE;
                }
                return page.hasNext();
            }

            @Override
            public TakeResult next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                TakeResult row = page.next();
                verdicts.merge(row.verdict() == null ? "not scored" : row.verdict(), 1, Integer::sum);
                if ("FAILED".equals(row.status())) {
                    failed[0]++;
                }
                if (row.costUsd() != null) {
                    charged[0]++;
                    spent[0] = spent[0].add(row.costUsd());
                }
                return row;
            }
        };
        try {
            RunReport.write(file, rows, total <= RunReport.MAX_ROWS_WITH_COMMENTS, () -> {
                summary.put("Failed takes", Long.toString(failed[0]));
                summary.put("Reviewed takes", Integer.toString(reviewedTakes));
                verdicts.forEach((v, n) -> summary.put("Verdict " + v, n.toString()));
                // What the run spent, by how it bought its takes: only generations that delivered a take are charged.
                summary.put("Mode", modeText);
                summary.put("Cost " + mode + " (USD)", spent[0].setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                summary.put("Takes charged", Long.toString(charged[0]));
                return summary;
            }, more, row -> row.takeFile() == null ? null : storage.resolve(Take.thumbnailOf(row.takeFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report of run " + runId, e);
        }
        return file;
    }

    /** One page of the run's report rows, then the persistence context is let go of. */
    private List<TakeResult> page(long runId, int offset) {
        // The page's ids from a narrow sorted query, then only those takes: sorting the takes' whole rows with their
        // shots for every page made a 100,000-take report outlast its transaction.
        List<Long> ids = em.createQuery("select t.id from Take t join t.shot s join s.sequence q"
                        + " where t.run.id = :runId order by q.position, s.position, t.id", Long.class)
                .setParameter("runId", runId).setFirstResult(offset).setMaxResults(PAGE).getResultList();
        Map<Long, Take> byId = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select t from Take t join fetch t.shot s join fetch s.sequence join fetch t.run where t.id in :ids", Take.class)
                    .setParameter("ids", ids).getResultList().forEach(t -> byId.put(t.getId(), t));
        }
        List<Take> takes = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        Map<Long, Score> scores = new java.util.HashMap<>();
        Map<Long, Review> latest = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select s from Score s where s.take.id in :ids", Score.class).setParameter("ids", ids).getResultList()
                    .forEach(s -> scores.put(s.getTake().getId(), s));
            em.createQuery("select r from Review r where r.take.id in :ids order by r.reviewedAt desc, r.id desc", Review.class)
                    .setParameter("ids", ids).getResultList().forEach(r -> latest.putIfAbsent(r.getTake().getId(), r));
        }
        List<TakeResult> rows = new ArrayList<>(takes.size());
        for (Take t : takes) {
            rows.add(TakeResult.of(t, scores.get(t.getId()), latest.get(t.getId())));
        }
        em.flush();
        em.clear();
        return rows;
    }
}
