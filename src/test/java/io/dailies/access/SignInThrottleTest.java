package io.dailies.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock moved by the test. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-07T22:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aNameIsLockedAfterItsFreeFailuresAndTheLockoutDoubles() {
        Moving clock = new Moving();
        SignInThrottle throttle = new SignInThrottle(3, Duration.ofSeconds(30), clock);
        for (int i = 0; i < 2; i++) {
            throttle.failed("ana", "10.0.0.1");
            assertEquals(Duration.ZERO, throttle.wait("ana", "10.0.0.1"));
        }
        throttle.failed("Ana", "10.0.0.1");
        assertEquals(Duration.ofSeconds(30), throttle.wait("ana", "10.0.0.2"), "by name, in any case, from any address");
        assertEquals(Duration.ZERO, throttle.wait("ben", "10.0.0.1"), "others may still try from the address");
        clock.now = clock.now.plusSeconds(31);
        assertEquals(Duration.ZERO, throttle.wait("ana", "10.0.0.1"));
        throttle.failed("ana", "10.0.0.1");
        assertEquals(Duration.ofSeconds(60), throttle.wait("ana", "10.0.0.1"), "doubled");
        clock.now = clock.now.plusSeconds(61);
        throttle.succeeded("ana");
        throttle.failed("ana", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.wait("ana", "10.0.0.1"), "a success starts the count again");
    }

    @Test
    void theLockoutIsAtMostFifteenMinutesAndOldFailuresAreForgotten() {
        Moving clock = new Moving();
        SignInThrottle throttle = new SignInThrottle(1, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana", "a");
            clock.now = clock.now.plus(throttle.wait("ana", "a"));
        }
        throttle.failed("ana", "a");
        assertEquals(Duration.ofMinutes(15), throttle.wait("ana", "a"));
        clock.now = clock.now.plus(Duration.ofHours(2));
        SignInThrottle fresh = new SignInThrottle(2, Duration.ofSeconds(10), clock);
        fresh.failed("ben", "b");
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        fresh.failed("ben", "b");
        assertEquals(Duration.ZERO, fresh.wait("ben", "b"), "failures half an hour apart do not add up");
    }

    @Test
    void oneAddressIsLockedAfterTwentyTimesTheFailuresOfAName() {
        Moving clock = new Moving();
        SignInThrottle throttle = new SignInThrottle(2, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 39; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertEquals(Duration.ZERO, throttle.wait("someone", "10.0.0.9"));
        throttle.failed("user39", "10.0.0.9");
        assertEquals(Duration.ofSeconds(10), throttle.wait("someone", "10.0.0.9"));
    }
}
