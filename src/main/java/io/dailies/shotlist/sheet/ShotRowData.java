package io.dailies.shotlist.sheet;

import io.dailies.prompt.ShotSpec;
import io.dailies.prompt.SpineOverrides;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A shot row that passed validation: the five pillars, the dialogue and the optional sound, physics,
 * character and override columns as the producer wrote them ("" when left blank), and the render
 * parameters resolved against the model catalog, so the model, size and seconds are always set and
 * allowed together.
 *
 * @param sequence        sequence name, e.g. "Castle"
 * @param shotCode        shot code, e.g. "SC1-03"
 * @param subjectAction   who does what, with timing beats
 * @param cameraMovement  framing, lens and the one camera move
 * @param settingTime     where and when
 * @param lightingPalette light sources and palette anchors
 * @param styleTechnical  the style spine
 * @param dialogue        speaker-labelled lines, "" when silent
 * @param shotType        framing shorthand, e.g. "Extreme close-up"
 * @param sound           the ambient sound bed
 * @param audioCues       timed cues, e.g. "door slam at 00:02; footsteps at 00:04"
 * @param physics         weight, material and contact cues
 * @param characters      the Characters cell: names of characters to reference, e.g. "Queen, Chancellor"
 * @param overrides       the Overrides cell, e.g. "lens: 85mm; palette: teal, sand, rust" (already checked)
 * @param inputReference  image for the first frame
 * @param model           catalog model name, e.g. "sora-2"
 * @param size            "WIDTHxHEIGHT", e.g. "1280x720"
 * @param seconds         clip length
 * @param sourceRow       1-based Excel row the shot came from
 * @param extras          the row's other columns, by header, in sheet order
 * @param sourceSheet     the sheet the row is on when the shot list has several (one per sequence); else null
 */
public record ShotRowData(String sequence,
                          String shotCode,
                          String subjectAction,
                          String cameraMovement,
                          String settingTime,
                          String lightingPalette,
                          String styleTechnical,
                          String dialogue,
                          String shotType,
                          String sound,
                          String audioCues,
                          String physics,
                          String characters,
                          String overrides,
                          String inputReference,
                          String model,
                          String size,
                          int seconds,
                          int sourceRow,
                          Map<String, String> extras,
                          String sourceSheet) implements Serializable {

    public ShotRowData {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(shotCode, "shotCode");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(size, "size");
        shotType = Objects.requireNonNullElse(shotType, "");
        sound = Objects.requireNonNullElse(sound, "");
        audioCues = Objects.requireNonNullElse(audioCues, "");
        physics = Objects.requireNonNullElse(physics, "");
        characters = Objects.requireNonNullElse(characters, "");
        overrides = Objects.requireNonNullElse(overrides, "");
        inputReference = Objects.requireNonNullElse(inputReference, "");
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** A row of the one shot-list sheet. */
    public ShotRowData(String sequence, String shotCode, String subjectAction, String cameraMovement,
                       String settingTime, String lightingPalette, String styleTechnical, String dialogue,
                       String shotType, String sound, String audioCues, String physics, String characters,
                       String overrides, String inputReference, String model, String size, int seconds, int sourceRow,
                       Map<String, String> extras) {
        this(sequence, shotCode, subjectAction, cameraMovement, settingTime, lightingPalette, styleTechnical, dialogue,
                shotType, sound, audioCues, physics, characters, overrides, inputReference, model, size, seconds, sourceRow,
                extras, null);
    }

    /** A row of the original eleven columns: no sound, physics, characters, overrides or input reference. */
    public ShotRowData(String sequence, String shotCode, String subjectAction, String cameraMovement,
                       String settingTime, String lightingPalette, String styleTechnical, String dialogue,
                       String model, String size, int seconds, int sourceRow, Map<String, String> extras) {
        this(sequence, shotCode, subjectAction, cameraMovement, settingTime, lightingPalette, styleTechnical, dialogue,
                "", "", "", "", "", "", "", model, size, seconds, sourceRow, extras);
    }

    public int width() {
        return Integer.parseInt(size.substring(0, size.indexOf('x')));
    }

    public int height() {
        return Integer.parseInt(size.substring(size.indexOf('x') + 1));
    }

    /** The Characters cell as names: "Queen, Chancellor" → [Queen, Chancellor]. */
    public List<String> characterNames() {
        return ShotSpec.characterList(characters);
    }

    /** The Overrides cell, parsed (the validator has already rejected cells that do not parse). */
    public SpineOverrides spineOverrides() {
        return SpineOverrides.of(overrides);
    }

    /** What the prompt compiler and linter take. */
    public ShotSpec toShotSpec() {
        return ShotSpec.builder()
                .sequence(sequence).shotCode(shotCode)
                .subjectAction(subjectAction).cameraMovement(cameraMovement).settingTime(settingTime)
                .lightingPalette(lightingPalette).styleTechnical(styleTechnical).shotType(shotType)
                .dialogue(dialogue).sound(sound).audioCues(audioCues).physics(physics)
                .characters(characterNames()).overrides(spineOverrides())
                .model(model).size(size).seconds(seconds).inputReference(inputReference)
                .build();
    }
}
