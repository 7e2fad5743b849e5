package io.dailies.shotlist.sheet;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The project-wide values of a workbook's Settings sheet, as checked by {@link SettingsSheetReader}: only
 * values that passed are set, so everything here may be used as is.
 *
 * @param projectName    the project's name, "" when not given
 * @param defaultModel   catalog model name for rows with a blank Model, e.g. "sora-2-pro"; null when not given
 * @param defaultSize    "WIDTHxHEIGHT" for rows with a blank Size; null when not given
 * @param defaultSeconds clip length for rows with a blank Seconds; null when not given
 * @param budgetUsd      the most the project may spend, in US dollars (zero or more); null when not given
 */
public record ProjectSettings(String projectName, String defaultModel, String defaultSize, Integer defaultSeconds,
                              BigDecimal budgetUsd) implements Serializable {

    /** No Settings sheet: no name, the catalog's defaults, no budget. */
    public static final ProjectSettings NONE = new ProjectSettings("", null, null, null, null);

    public ProjectSettings {
        projectName = Objects.requireNonNullElse(projectName, "");
    }

    /** What blank Model, Size and Seconds cells of the Shots sheet become. */
    public ShotDefaults shotDefaults() {
        return new ShotDefaults(defaultModel, defaultSize, defaultSeconds);
    }
}
