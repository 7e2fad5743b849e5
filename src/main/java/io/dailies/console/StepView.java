package io.dailies.console;

import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One step of a job execution as the repository keeps it (GET /api/jobs/{executionId}/steps): its status and
 * times, and the counts a chunk step keeps: items read, written and filtered, commits and rollbacks, and the
 * items skipped while reading, processing and writing (zero for a batchlet).
 */
public record StepView(long stepExecutionId, String step, String batchStatus, String exitStatus, Instant start, Instant end,
                       long read, long write, long filter, long commit, long rollback, long readSkip, long processSkip,
                       long writeSkip) {

    static StepView of(StepExecution s) {
        Map<Metric.MetricType, Long> m = metrics(s.getMetrics());
        return new StepView(s.getStepExecutionId(), s.getStepName(), s.getBatchStatus() == null ? null : s.getBatchStatus().name(),
                s.getExitStatus(), s.getStartTime() == null ? null : s.getStartTime().toInstant(),
                s.getEndTime() == null ? null : s.getEndTime().toInstant(),
                m.get(Metric.MetricType.READ_COUNT), m.get(Metric.MetricType.WRITE_COUNT), m.get(Metric.MetricType.FILTER_COUNT),
                m.get(Metric.MetricType.COMMIT_COUNT), m.get(Metric.MetricType.ROLLBACK_COUNT),
                m.get(Metric.MetricType.READ_SKIP_COUNT), m.get(Metric.MetricType.PROCESS_SKIP_COUNT),
                m.get(Metric.MetricType.WRITE_SKIP_COUNT));
    }

    /** Every metric type, 0 when the step did not report it. */
    static Map<Metric.MetricType, Long> metrics(Metric[] metrics) {
        Map<Metric.MetricType, Long> out = new EnumMap<>(Metric.MetricType.class);
        for (Metric.MetricType type : Metric.MetricType.values()) {
            out.put(type, 0L);
        }
        if (metrics != null) {
            for (Metric metric : metrics) {
                if (metric != null && metric.getType() != null) {
                    out.put(metric.getType(), metric.getValue());
                }
            }
        }
        return out;
    }
}
