package io.dailies.console;

import io.dailies.JsonOut;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Date;
import java.util.List;

/** The job repository as an operator sees it: every execution of Dailies' jobs, newest first. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    static final List<String> JOBS = List.of("shotlist-import", "render-run");

    @GET
    public String executions(@QueryParam("limit") @DefaultValue("100") int limit) {
        JobOperator operator = BatchRuntime.getJobOperator();
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (String job : JOBS) {
            if (!operator.getJobNames().contains(job)) {
                continue;
            }
            for (JobInstance instance : operator.getJobInstances(job, 0, limit)) {
                for (JobExecution e : operator.getJobExecutions(instance)) {
                    JsonObjectBuilder o = Json.createObjectBuilder()
                            .add("job", job)
                            .add("instanceId", instance.getInstanceId())
                            .add("executionId", e.getExecutionId())
                            .add("batchStatus", e.getBatchStatus().name());
                    JsonOut.add(o, "exitStatus", e.getExitStatus());
                    JsonOut.add(o, "parameters", e.getJobParameters() == null ? null : e.getJobParameters().toString());
                    JsonOut.add(o, "start", time(e.getStartTime()));
                    JsonOut.add(o, "end", time(e.getEndTime()));
                    all.add(o);
                }
            }
        }
        return all.build().toString();
    }

    private static String time(Date d) {
        return d == null ? null : d.toInstant().toString();
    }
}
