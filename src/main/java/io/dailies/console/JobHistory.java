package io.dailies.console;

import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The job repository as an operator sees it: the executions of Dailies' jobs, newest first, a page at a
 * time. The JDBC job repository shares the application's datasource, so a page is one bounded query on
 * its tables (JBeret's JOB_EXECUTION and JOB_INSTANCE), filtered by job name and batch status there,
 * and counted there: the history never has to be read whole, however many runs and imports it holds.
 */
@ApplicationScoped
public class JobHistory {

    static final List<String> JOBS = List.of("shotlist-import", "render-run");

    private static final String FROM = " from JOB_EXECUTION e join JOB_INSTANCE i on e.JOBINSTANCEID = i.JOBINSTANCEID"
            + " where i.JOBNAME in (:jobs)";

    @PersistenceContext
    EntityManager em;

    /**
     * A page of the executions, newest first; {@code jobs} and {@code statuses} filter when not empty. Read
     * with no transaction open, as the job operator reads its repository.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Page<JobView> executions(PageRequest page, Set<String> jobs, Set<BatchStatus> statuses) {
        // The repository's tables exist once the job operator has looked at it.
        BatchRuntime.getJobOperator().getJobNames();
        String where = FROM + (statuses.isEmpty() ? "" : " and e.BATCHSTATUS in (:statuses)");
        Query rows = em.createNativeQuery("select e.JOBEXECUTIONID, e.JOBINSTANCEID, i.JOBNAME, e.BATCHSTATUS, e.EXITSTATUS,"
                + " e.JOBPARAMETERS, e.STARTTIME, e.ENDTIME" + where + " order by e.JOBEXECUTIONID desc");
        Query count = em.createNativeQuery("select count(*)" + where);
        for (Query q : List.of(rows, count)) {
            q.setParameter("jobs", jobs.isEmpty() ? JOBS : List.copyOf(jobs));
            if (!statuses.isEmpty()) {
                q.setParameter("statuses", statuses.stream().map(Enum::name).toList());
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = page.total(found, () -> ((Number) count.getSingleResult()).longValue());
        List<JobView> views = new ArrayList<>(found.size());
        for (Object[] r : found) {
            views.add(new JobView((String) r[2], ((Number) r[1]).longValue(), ((Number) r[0]).longValue(), (String) r[3],
                    (String) r[4], parameters((String) r[5]), instant(r[6]), instant(r[7])));
        }
        return new Page<>(views, total, page);
    }

    /** The job parameters as the job operator prints them, e.g. "{runId=12}"; JBeret stores them as "key = value" lines. */
    static String parameters(String stored) {
        if (stored == null) {
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(stored));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return p.toString();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof LocalDateTime t) {
            return t.atZone(ZoneId.systemDefault()).toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return null;
    }
}
