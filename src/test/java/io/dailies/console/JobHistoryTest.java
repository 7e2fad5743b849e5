package io.dailies.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The job list reads JBeret's tables itself: its parameters and times come out as the job operator shows them. */
class JobHistoryTest {

    @Test
    void parametersAreShownAsTheJobOperatorPrintsThem() {
        // JBeret stores job parameters as "key = value" lines.
        assertEquals("{runId=12}", JobHistory.parameters("runId = 12\n"));
        assertEquals("{importId=7}", JobHistory.parameters("importId = 7" + System.lineSeparator()));
        assertNull(JobHistory.parameters(null));
    }

    @Test
    void timesAreInstantsWhateverTheDriverAnswers() {
        Instant at = Instant.parse("2026-11-24T10:15:30Z");
        assertEquals(at, JobHistory.instant(Timestamp.from(at)));
        assertEquals(at, JobHistory.instant(LocalDateTime.ofInstant(at, ZoneId.systemDefault())));
        assertNull(JobHistory.instant(null));
    }
}
