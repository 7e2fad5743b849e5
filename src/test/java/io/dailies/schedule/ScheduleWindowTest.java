package io.dailies.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A schedule's windows with the clock given: across midnight, on DST days, missed while down. */
class ScheduleWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private static Instant at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void aWindowAcrossMidnightBelongsToTheDayItOpensAndClosesTheNextMorning() {
        // Friday 22:00 to 06:00, Fridays only: it closes on Saturday morning.
        ScheduleWindow w = new ScheduleWindow(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), PARIS);
        assertTrue(w.crossesMidnight());
        ScheduleWindow.Opening o = w.next(at("2026-05-13T12:00", PARIS)); // a Wednesday
        assertEquals(LocalDate.parse("2026-05-15"), o.date());
        assertEquals(at("2026-05-15T22:00", PARIS), o.opens());
        assertEquals(at("2026-05-16T06:00", PARIS), o.closes());
        // At 03:00 on Saturday the Friday window is open, though Saturday is not a day of the schedule.
        Instant saturdayNight = at("2026-05-16T03:00", PARIS);
        assertEquals(LocalDate.parse("2026-05-15"), w.openAt(saturdayNight).orElseThrow().date());
        assertFalse(w.openAt(at("2026-05-16T06:00", PARIS)).isPresent(), "closed at its end");
        assertFalse(w.openAt(at("2026-05-15T21:59:59", PARIS)).isPresent(), "not open before its start");
        // The next opening after the one at 22:00 is a week later.
        assertEquals(LocalDate.parse("2026-05-22"), w.next(o.opens()).date());
    }

    @Test
    void aSameDayWindowOpensAndClosesTheSameDayOnItsDaysOnly() {
        ScheduleWindow w = new ScheduleWindow(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(1, 0), LocalTime.of(5, 30), NEW_YORK);
        ScheduleWindow.Opening o = w.next(at("2026-05-11T01:00", NEW_YORK)); // Monday at its very start: strictly after
        assertEquals(LocalDate.parse("2026-05-13"), o.date());
        assertEquals(Duration.ofMinutes(270), Duration.between(o.opens(), o.closes()));
    }

    @Test
    void springForwardNightIsAnHourShorterAndAStartInTheGapOpensAfterIt() {
        // Paris, Sunday 2026-03-29: 02:00 becomes 03:00.
        ScheduleWindow night = new ScheduleWindow(EVERY_DAY, LocalTime.of(22, 0), LocalTime.of(6, 0), PARIS);
        ScheduleWindow.Opening saturday = night.on(LocalDate.parse("2026-03-28")).orElseThrow();
        assertEquals(Duration.ofHours(7), Duration.between(saturday.opens(), saturday.closes()));
        assertEquals(Instant.parse("2026-03-28T21:00:00Z"), saturday.opens());
        assertEquals(Instant.parse("2026-03-29T04:00:00Z"), saturday.closes(), "06:00 summer time");

        ScheduleWindow inTheGap = new ScheduleWindow(EVERY_DAY, LocalTime.of(2, 30), LocalTime.of(4, 0), PARIS);
        ScheduleWindow.Opening o = inTheGap.next(Instant.parse("2026-03-28T12:00:00Z"));
        assertEquals(LocalDate.parse("2026-03-29"), o.date(), "the window still opens that day");
        assertEquals(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, PARIS).toInstant(), o.opens(), "02:30 does not exist: 03:30");
        assertEquals(Duration.ofMinutes(30), Duration.between(o.opens(), o.closes()));
    }

    @Test
    void fallBackNightIsAnHourLongerAndAStartInTheRepeatedHourOpensOnce() {
        // New York, Sunday 2026-11-01: 02:00 becomes 01:00 again.
        ScheduleWindow night = new ScheduleWindow(EVERY_DAY, LocalTime.of(22, 0), LocalTime.of(6, 0), NEW_YORK);
        ScheduleWindow.Opening saturday = night.on(LocalDate.parse("2026-10-31")).orElseThrow();
        assertEquals(Duration.ofHours(9), Duration.between(saturday.opens(), saturday.closes()));

        ScheduleWindow repeated = new ScheduleWindow(EVERY_DAY, LocalTime.of(1, 30), LocalTime.of(3, 0), NEW_YORK);
        ScheduleWindow.Opening first = repeated.next(Instant.parse("2026-10-31T12:00:00Z"));
        assertEquals(LocalDate.parse("2026-11-01"), first.date());
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), first.opens(), "the earlier 01:30 (daylight time)");
        // An hour later it is 01:30 again on the wall clock: the window does not open a second time that day.
        ScheduleWindow.Opening after = repeated.next(first.opens());
        assertEquals(LocalDate.parse("2026-11-02"), after.date());
        assertEquals(List.of(first), repeated.between(first.opens().minusSeconds(1), Instant.parse("2026-11-01T07:00:00Z"), 10));
    }

    @Test
    void theOpeningsMissedWhileDownAreFoundOldestFirstAndTheOpenOneIsKnown() {
        ScheduleWindow w = new ScheduleWindow(EVERY_DAY, LocalTime.of(23, 0), LocalTime.of(2, 0), PARIS);
        Instant downSince = at("2026-06-01T20:00", PARIS);
        Instant backAt = at("2026-06-04T00:30", PARIS); // the window of June 3 is still open
        List<ScheduleWindow.Opening> missed = w.between(downSince, backAt, 14);
        assertEquals(List.of("2026-06-01", "2026-06-02", "2026-06-03"), missed.stream().map(o -> o.date().toString()).toList());
        assertTrue(missed.get(2).isOpenAt(backAt));
        assertFalse(missed.get(1).isOpenAt(backAt));
        assertEquals(2, w.between(downSince, backAt, 2).size(), "at most the latest two");
        assertEquals("2026-06-02", w.between(downSince, backAt, 2).get(0).date().toString());
    }

    @Test
    void aFiringIsOnTimeCaughtUpOrMissedByTheInstantItIsDecided() {
        ScheduleWindow w = new ScheduleWindow(EVERY_DAY, LocalTime.of(22, 0), LocalTime.of(6, 0), PARIS);
        ScheduleWindow.Opening o = w.on(LocalDate.parse("2026-07-10")).orElseThrow();
        assertEquals(Nights.Timing.ON_TIME, Nights.timing(o, o.opens().plusSeconds(3)));
        assertEquals(Nights.Timing.CATCH_UP, Nights.timing(o, o.opens().plus(Duration.ofHours(3))));
        assertEquals(Nights.Timing.MISSED, Nights.timing(o, o.closes()));
        assertEquals(Nights.Timing.MISSED, Nights.timing(o, o.closes().plus(Duration.ofHours(1))));
    }
}
