package io.dailies.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * The scheduler's clock: the system's, in UTC. The window arithmetic ({@link ScheduleWindow}, {@link Nights})
 * takes the instant it is given, so unit tests give it any instant (a night across midnight, a DST change).
 */
@ApplicationScoped
public class ScheduleClock {

    private Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    /** For tests that drive the scheduler's services in process. */
    void use(Clock clock) {
        this.clock = clock;
    }
}
