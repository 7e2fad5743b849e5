package io.dailies.production;

import io.dailies.core.Shot;
import io.dailies.core.ShotContent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.StringReader;
import java.math.BigDecimal;

/**
 * A shot as GET /api/projects/{id}/shots answers it: what the producer wrote (null where a cell was
 * blank), the compiled prompt and its lint, the producer's own columns, and what one take costs.
 *
 * @param sequence        the sequence's code
 * @param shot            the shot's code
 * @param row             the workbook row it was read from
 * @param lint            the prompt's lint findings as stored ([] before the first compile)
 * @param producerColumns the producer's own columns, kept as they typed them ({} when none)
 * @param estimate        one take's cost; absent (no key at all) when the catalog cannot price the shot
 */
public record ShotView(long id, String sequence, String shot, int row, boolean omitted,
                       String subjectAction, String cameraMovement, String settingTime, String lightingPalette,
                       String styleTechnical, String dialogue, String model, String size, int seconds,
                       String shotType, String sound, String audioCues, String physics, String characters,
                       String overrides, String prompt, String promptHash, int promptVersion,
                       JsonArray lint, int lintErrors, int lintWarnings, JsonObject producerColumns,
                       @JsonbNillable(false) Estimate estimate) {

    /**
     * One take's cost, in USD. Never written as null: the class-level annotation is what Yasson reads for
     * a property of an object type (the property's own is read for strings and collections only).
     */
    @JsonbNillable(false)
    public record Estimate(BigDecimal syncUsd, BigDecimal batchUsd) {
    }

    static ShotView of(Shot s, Estimate estimate) {
        ShotContent c = s.content();
        return new ShotView(s.getId(), s.getSequence().getCode(), s.getCode(), s.getSourceRow(), s.isOmitted(),
                c.subjectAction(), c.cameraMovement(), c.settingTime(), c.lightingPalette(), c.styleTechnical(),
                c.dialogue(), c.model(), c.size(), c.seconds(), c.shotType(), c.sound(), c.audioCues(), c.physics(),
                c.characters(), c.overrides(), s.getPrompt(), s.getPromptHash(), s.getPromptVersion(),
                s.getLint() == null ? JsonValue.EMPTY_JSON_ARRAY : read(s.getLint()).asJsonArray(),
                s.getLintErrors(), s.getLintWarnings(),
                s.getProducerColumns() == null ? JsonValue.EMPTY_JSON_OBJECT : read(s.getProducerColumns()).asJsonObject(),
                estimate);
    }

    /** Stored JSON, passed on as it is. */
    private static JsonValue read(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readValue();
        }
    }
}
