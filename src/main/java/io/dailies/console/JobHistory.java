package io.dailies.console;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** The job repository as an operator sees it: every execution of Dailies' jobs, newest instances first. */
@ApplicationScoped
public class JobHistory {

    static final List<String> JOBS = List.of("shotlist-import", "render-run");

    /** Up to {@code limit} instances of each job, each with all its executions; read with no transaction open. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<JobView> executions(int limit) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<JobView> all = new ArrayList<>();
        for (String job : JOBS) {
            if (!operator.getJobNames().contains(job)) {
                continue;
            }
            for (JobInstance instance : operator.getJobInstances(job, 0, limit)) {
                for (JobExecution e : operator.getJobExecutions(instance)) {
                    all.add(new JobView(job, instance.getInstanceId(), e.getExecutionId(), e.getBatchStatus().name(),
                            e.getExitStatus(), e.getJobParameters() == null ? null : e.getJobParameters().toString(),
                            instant(e.getStartTime()), instant(e.getEndTime())));
                }
            }
        }
        return all;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
