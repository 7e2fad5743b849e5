package io.dailies.report.workbook;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The figures of the 'Dailies' sheet that do not come from the shots themselves.
 *
 * @param project     project name, for the sheet's title
 * @param budget      the spend budget, or null when none is set
 * @param currency    currency code of costs and budget, e.g. "USD"
 * @param generatedAt when the write-back was made
 */
public record Summary(String project, BigDecimal budget, String currency, Instant generatedAt) {
}
