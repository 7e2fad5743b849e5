package io.dailies.production;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A project as GET /api/projects and /api/projects/{id} answer it.
 *
 * @param shots     how many of its shots are active (not omitted from the workbook)
 * @param budgetUsd the most it may spend (its Settings sheet); null when not set
 * @param updatedAt when an import last changed it; null if never
 */
public record ProjectView(long id, String name, long shots, BigDecimal budgetUsd, Instant createdAt, Instant updatedAt) {
}
