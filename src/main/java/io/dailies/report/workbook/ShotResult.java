package io.dailies.report.workbook;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * What Dailies made of one shot, for writing back into the producer's workbook. Matched to its row by
 * sequence and shot code, as the import matched them. Scores are 0-100; a null score leaves its cell
 * empty and the reason from {@link #scoreReasons()} (keyed by column header, e.g. "Audio sync") goes
 * into a comment on it.
 *
 * @param thumbnail    a JPEG (or PNG) still of the selected take, or null
 * @param consoleLink  the shot's page in the Dailies console, or null
 */
public record ShotResult(String sequence, String shot, String status, Integer takes, String selectedTake,
                         String videoId, BigDecimal cost, Integer promptAdherence, Integer motionQuality,
                         Integer physicalRealism, Integer continuity, Integer audioSync, Integer overall,
                         String verdict, String notes, Path thumbnail, String consoleLink,
                         Map<String, String> scoreReasons) {

    public ShotResult {
        scoreReasons = scoreReasons == null ? Map.of() : Map.copyOf(scoreReasons);
    }
}
