package io.dailies.console;

import io.dailies.core.Run;
import io.dailies.core.ShotlistImport;
import io.dailies.platform.Storage;
import io.dailies.production.RunService;
import io.dailies.shotlist.ImportService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a crash (kill -9, power loss) job executions stay STARTED in the job repository forever.
 * At boot this node restarts its own: JBeret marks the dead execution FAILED and resumes the job
 * from its last checkpoint. Only executions this node ran are touched, so nodes sharing a database
 * never take each other's running jobs for dead.
 */
@Singleton
@Startup
public class JobRecovery {

    private static final Logger LOG = Logger.getLogger(JobRecovery.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void scheduleRecovery() {
        // Once the deployment is fully up, not while it is still starting.
        timers.createSingleActionTimer(1000, new TimerConfig("job-recovery", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recover() {
        JobOperator operator = BatchRuntime.getJobOperator();
        String node = Storage.node();
        // Work registered since this JVM started belongs to a live request, never to a crash.
        Instant boot = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<Run> runs = em.createQuery("select r from Run r where r.job.node = :node and r.status in :open and r.job.createdAt < :boot", Run.class)
                .setParameter("node", node).setParameter("boot", boot)
                .setParameter("open", List.of(Run.Status.QUEUED, Run.Status.RUNNING)).getResultList();
        for (Run run : runs) {
            // The restarted job records its new execution id itself (beforeJob).
            restartIfDead(operator, run.getJobExecutionId(), "runId", run.getId());
        }
        List<ShotlistImport> imports = em.createQuery("select i from ShotlistImport i where i.job.node = :node and i.status in :open and i.job.createdAt < :boot", ShotlistImport.class)
                .setParameter("node", node).setParameter("boot", boot)
                .setParameter("open", List.of(ShotlistImport.Status.QUEUED, ShotlistImport.Status.VALIDATING, ShotlistImport.Status.IMPORTING))
                .getResultList();
        for (ShotlistImport i : imports) {
            restartIfDead(operator, i.getJobExecutionId(), "importId", i.getId());
        }
    }

    private Long restartIfDead(JobOperator operator, Long executionId, String param, long id) {
        try {
            if (executionId == null) {
                // Crashed before the job's first commit: there is nothing to resume, so it starts afresh.
                Properties params = new Properties();
                params.setProperty(param, Long.toString(id));
                String job = param.equals("runId") ? RunService.JOB : ImportService.JOB;
                long started = operator.start(job, params);
                LOG.info(() -> "Recovered " + job + " " + param + "=" + id + ": never started, started as " + started);
                return started;
            }
            JobExecution execution = operator.getJobExecution(executionId);
            BatchStatus status = execution.getBatchStatus();
            if (status != BatchStatus.STARTED && status != BatchStatus.STARTING && status != BatchStatus.STOPPING
                    && status != BatchStatus.FAILED) {
                return null;
            }
            Properties params = new Properties();
            params.setProperty(param, Long.toString(id));
            long restarted = operator.restart(executionId, params);
            LOG.info(() -> "Recovered " + execution.getJobName() + " " + param + "=" + id + ": execution " + executionId
                    + " (" + status + ") restarted as " + restarted);
            return restarted;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not recover job execution " + executionId + " (" + param + "=" + id + ")", e);
            return null;
        }
    }

}
