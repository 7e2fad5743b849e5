package io.dailies.schedule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

/**
 * A schedule as the API shows it, with its next window (when it opens and closes, in UTC).
 *
 * @param mode   "auto", "sync" or "batch"
 * @param shots  "pending", "failed" or "all"
 * @param paused a paused schedule keeps its settings and fires no more until resumed (PUT with "paused":false)
 */
public record ScheduleView(long id, long projectId, List<String> days, String start, String end, String zone,
                           boolean crossesMidnight, BigDecimal budgetUsd, String mode, String shots, List<String> recipients,
                           boolean paused, Instant nextWindowOpens, Instant nextWindowCloses, Instant createdAt, int version) {

    static ScheduleView of(Schedule s, Instant now) {
        ScheduleWindow w = s.window();
        ScheduleWindow.Opening next = s.isPaused() ? null : w.next(now);
        return new ScheduleView(s.getId(), s.getProject().getId(), s.getDayNames(), time(s.getStart()), time(s.getEnd()),
                s.getZone(), w.crossesMidnight(), s.getBudgetUsd(),
                s.getMode() == null ? "auto" : s.getMode().name().toLowerCase(Locale.ROOT),
                s.getShots().name().toLowerCase(Locale.ROOT), s.getRecipients(), s.isPaused(),
                next == null ? null : next.opens(), next == null ? null : next.closes(), s.getCreatedAt(), s.getVersion());
    }

    static String time(LocalTime t) {
        String hm = String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
        return t.getSecond() == 0 ? hm : hm + String.format(Locale.ROOT, ":%02d", t.getSecond());
    }
}
