package io.dailies.shotlist.sheet;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A shot row that passed validation: the five pillars and the dialogue as the producer wrote them
 * ("" when left blank), and the render parameters resolved against the model catalog, so the model,
 * size and seconds are always set and allowed together.
 *
 * @param sequence        sequence name, e.g. "Castle"
 * @param shotCode        shot code, e.g. "SC1-03"
 * @param subjectAction   who does what, with timing beats
 * @param cameraMovement  framing, lens and the one camera move
 * @param settingTime     where and when
 * @param lightingPalette light sources and palette anchors
 * @param styleTechnical  the style spine
 * @param dialogue        speaker-labelled lines, "" when silent
 * @param model           catalog model name, e.g. "sora-2"
 * @param size            "WIDTHxHEIGHT", e.g. "1280x720"
 * @param seconds         clip length
 * @param sourceRow       1-based Excel row the shot came from
 * @param extras          the row's other columns, by header, in sheet order
 */
public record ShotRowData(String sequence,
                          String shotCode,
                          String subjectAction,
                          String cameraMovement,
                          String settingTime,
                          String lightingPalette,
                          String styleTechnical,
                          String dialogue,
                          String model,
                          String size,
                          int seconds,
                          int sourceRow,
                          Map<String, String> extras) implements Serializable {

    public ShotRowData {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(shotCode, "shotCode");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(size, "size");
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    public int width() {
        return Integer.parseInt(size.substring(0, size.indexOf('x')));
    }

    public int height() {
        return Integer.parseInt(size.substring(size.indexOf('x') + 1));
    }
}
