package io.dailies.schedule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One opening of a schedule's window and what it came to (GET /api/projects/{id}/schedules/{sid}/firings).
 *
 * @param outcome        STARTED, SKIPPED, MISSED or FAILED
 * @param catchUp        started at start-up, late, because the server was down when the window opened
 * @param reason         why it was skipped, missed or failed, or what the night did (caught up, left over budget,
 *                       deferred at the window's end)
 * @param planned        takes the night's run planned
 * @param leftOverBudget chosen shots the night's budget left for another night
 * @param deferred       takes not submitted before the window closed, deferred to the next night
 * @param dailies        the night's morning workbook, once its run ended
 * @param mail           what became of the morning e-mail
 */
public record FiringView(long id, long scheduleId, LocalDate windowDate, Instant windowOpens, Instant windowCloses,
                         Instant firedAt, String outcome, boolean catchUp, String reason, Long runId, int planned,
                         int leftOverBudget, BigDecimal budgetUsd, BigDecimal estimateUsd, String runStatus,
                         Instant runFinishedAt, int deferred, String dailies, String mail) {

    static FiringView of(Firing f) {
        return new FiringView(f.getId(), f.getScheduleId(), f.getWindowDate(), f.getWindowOpens(), f.getWindowCloses(),
                f.getFiredAt(), f.getOutcome() == null ? null : f.getOutcome().name(), f.isCatchUp(), f.getReason(), f.getRunId(),
                f.getPlanned(), f.getLeftOverBudget(), f.getBudgetUsd(), f.getEstimateUsd(), f.getRunStatus(), f.getRunFinishedAt(),
                f.getDeferred(), f.getRunId() == null ? null : "/api/projects/" + f.getProjectId() + "/dailies/" + f.getId(), f.getMail());
    }
}
