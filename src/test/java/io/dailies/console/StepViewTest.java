package io.dailies.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.batch.runtime.Metric;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A step's counts come from its metrics; one the step did not report is 0, never missing. */
class StepViewTest {

    @Test
    void countsAreReadFromTheMetricsAndTheOthersAreZero() {
        Map<Metric.MetricType, Long> m = StepView.metrics(new Metric[] {
                metric(Metric.MetricType.READ_COUNT, 12), metric(Metric.MetricType.WRITE_COUNT, 11),
                metric(Metric.MetricType.COMMIT_COUNT, 3), null});
        assertEquals(12L, m.get(Metric.MetricType.READ_COUNT));
        assertEquals(11L, m.get(Metric.MetricType.WRITE_COUNT));
        assertEquals(3L, m.get(Metric.MetricType.COMMIT_COUNT));
        assertEquals(0L, m.get(Metric.MetricType.PROCESS_SKIP_COUNT));
        assertEquals(Metric.MetricType.values().length, m.size());
    }

    @Test
    void aBatchletWithoutMetricsCountsNothing() {
        assertEquals(0L, StepView.metrics(null).get(Metric.MetricType.READ_COUNT));
    }

    private static Metric metric(Metric.MetricType type, long value) {
        return new Metric() {
            @Override
            public MetricType getType() {
                return type;
            }

            @Override
            public long getValue() {
                return value;
            }
        };
    }
}
