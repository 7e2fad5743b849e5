package io.dailies.scoring;

import java.util.Map;

/**
 * A project's scoring thresholds as GET and PUT /api/projects/{id}/thresholds answer them, each map by
 * threshold name: whole-number thresholds (the marks) as integers, the others as decimals.
 *
 * @param effective what scoring uses: the defaults with the project's overrides applied
 * @param overrides what the project set itself, in name order ({} when it uses the defaults)
 * @param defaults  every threshold's default
 */
public record ThresholdsView(Map<String, Number> effective, Map<String, Number> overrides, Map<String, Number> defaults) {
}
