package io.dailies.report.workbook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The figures of the 'Dailies' sheet that do not come from the shots themselves.
 *
 * @param project     project name, for the sheet's title
 * @param budget      the spend budget, or null when none is set
 * @param currency    currency code of costs and budget, e.g. "USD"
 * @param generatedAt when the write-back was made
 * @param notes       what the producer should know about the workbook itself, e.g. the import's warnings about a side
 *                    sheet Dailies could not read, each naming its place
 */
public record Summary(String project, BigDecimal budget, String currency, Instant generatedAt, List<String> notes) {

    public Summary {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Summary(String project, BigDecimal budget, String currency, Instant generatedAt) {
        this(project, budget, currency, generatedAt, List.of());
    }
}
