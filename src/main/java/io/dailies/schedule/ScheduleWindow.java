package io.dailies.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a schedule's window is open: on each of its days it opens at {@code start} and closes at {@code end}
 * in its time zone; an end not after the start closes the next day (a window across midnight belongs to the
 * day it opens). Plain java.time, so it is tested with any instant:
 * <ul>
 *   <li>a start or end that does not exist on a spring-forward day (02:30 in Paris) is the first moment after
 *       the gap by the gap's length (03:30), java.time's rule; that night's window is an hour shorter;</li>
 *   <li>one that happens twice on a fall-back day is the earlier of the two; that night's window is an hour
 *       longer, and it still opens once.</li>
 * </ul>
 */
public record ScheduleWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    /** How far back the window looks for an opening (a week and a day: every weekday once, and a window still open). */
    private static final int LOOK_BACK_DAYS = 8;

    /** One opening of the window: the local date it opens on, and the instants it opens and closes. */
    public record Opening(LocalDate date, Instant opens, Instant closes) {
        public boolean isOpenAt(Instant now) {
            return !now.isBefore(opens) && now.isBefore(closes);
        }
    }

    public ScheduleWindow {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("A window needs at least one day");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("A window's start and end must differ");
        }
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /** The window of that local date, if the schedule runs that day. */
    public Optional<Opening> on(LocalDate date) {
        if (!days.contains(date.getDayOfWeek())) {
            return Optional.empty();
        }
        Instant opens = ZonedDateTime.of(date, start, zone).toInstant();
        Instant closes = ZonedDateTime.of(crossesMidnight() ? date.plusDays(1) : date, end, zone).toInstant();
        return Optional.of(new Opening(date, opens, closes));
    }

    /** The first opening strictly after {@code after}. */
    public Opening next(Instant after) {
        LocalDate from = after.atZone(zone).toLocalDate().minusDays(1);
        for (int d = 0; d <= LOOK_BACK_DAYS + 1; d++) {
            Optional<Opening> o = on(from.plusDays(d));
            if (o.isPresent() && o.get().opens().isAfter(after)) {
                return o.get();
            }
        }
        throw new IllegalStateException("No opening within a week of " + after); // days is never empty
    }

    /** The latest opening at or before {@code now}, within the last week. */
    public Optional<Opening> latest(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int d = -1; d <= LOOK_BACK_DAYS; d++) {
            Optional<Opening> o = on(today.minusDays(d));
            if (o.isPresent() && !o.get().opens().isAfter(now)) {
                return o;
            }
        }
        return Optional.empty();
    }

    /** The opening whose window holds {@code now}, if any (yesterday's when it crosses midnight). */
    public Optional<Opening> openAt(Instant now) {
        return latest(now).filter(o -> o.isOpenAt(now));
    }

    /** The openings after {@code from} and at or before {@code to}, oldest first, at most {@code max} (the latest ones). */
    public List<Opening> between(Instant from, Instant to, int max) {
        List<Opening> found = new ArrayList<>();
        Optional<Opening> o = latest(to);
        LocalDate date = o.map(Opening::date).orElse(null);
        while (o.isPresent() && o.get().opens().isAfter(from) && found.size() < max) {
            found.add(0, o.get());
            Instant before = o.get().opens().minusSeconds(1);
            o = latest(before);
            if (o.isPresent() && o.get().date().equals(date)) {
                break;
            }
            date = o.map(Opening::date).orElse(null);
        }
        return found;
    }
}
