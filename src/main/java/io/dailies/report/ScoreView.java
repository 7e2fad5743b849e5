package io.dailies.report;

import io.dailies.core.Score;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A take's scores as the API answers them: the measured criteria (0-100, null when not measured), the
 * overall score, the automated verdict, and the optional judge's two scores beside them; per criterion
 * the note saying what was measured and why it passed or failed, the scorer's recommendations, and the
 * take's scalar measurements (size, frame rate, flicker index, shake, loudness...; the per-frame series
 * and histograms are left out).
 */
public record ScoreView(Integer promptAdherence, Integer motionQuality, Integer physicalRealism, Integer continuity,
                        Integer audioSync, Integer overall, String verdict, Integer judgePromptAdherence,
                        Integer judgePhysicalRealism, Map<String, String> notes, String recommendations,
                        JsonObject measurements) {

    static ScoreView of(Score s) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("promptAdherence", s.getPromptAdherenceNote());
        notes.put("motionQuality", s.getMotionQualityNote());
        notes.put("physicalRealism", s.getPhysicalRealismNote());
        notes.put("continuity", s.getContinuityNote());
        notes.put("audioSync", s.getAudioSyncNote());
        return new ScoreView(s.getPromptAdherence(), s.getMotionQuality(), s.getPhysicalRealism(), s.getContinuity(),
                s.getAudioSync(), s.getOverall(), s.getVerdict(), s.getJudgePromptAdherence(), s.getJudgePhysicalRealism(),
                notes, s.getRecommendations(), scalars(s.getMeasurements()));
    }

    /** The measurements' numbers, strings and booleans; arrays (per-frame series, histograms) are dropped. */
    static JsonObject scalars(String measurements) {
        if (measurements == null || measurements.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(measurements))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            JsonObjectBuilder out = Json.createObjectBuilder();
            value.asJsonObject().forEach((k, v) -> {
                if (v.getValueType() != JsonValue.ValueType.ARRAY && v.getValueType() != JsonValue.ValueType.OBJECT) {
                    out.add(k, v);
                }
            });
            return out.build();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
