package io.dailies.production;

import io.dailies.prompt.ShotSpec;
import io.dailies.prompt.SpineOverrides;

/**
 * What a producer wrote for a shot: the five pillars, the dialogue, sound, cues, physics, the characters
 * it references, its style-spine overrides, and the API parameters.
 */
public record ShotContent(String subjectAction, String cameraMovement, String settingTime, String lightingPalette,
                          String styleTechnical, String dialogue, String model, String size, int seconds,
                          String shotType, String sound, String audioCues, String physics, String characters,
                          String overrides, String inputReference) {

    public ShotContent(String subjectAction, String cameraMovement, String settingTime, String lightingPalette,
                       String styleTechnical, String dialogue, String model, String size, int seconds) {
        this(subjectAction, cameraMovement, settingTime, lightingPalette, styleTechnical, dialogue, model, size, seconds,
                null, null, null, null, null, null, null);
    }

    /** The compiler's view of the shot. */
    public ShotSpec toSpec(String sequence, String shotCode) {
        return new ShotSpec(sequence, shotCode, subjectAction, cameraMovement, settingTime, lightingPalette, styleTechnical,
                shotType, dialogue, sound, audioCues, physics, ShotSpec.characterList(characters),
                overrides == null || overrides.isBlank() ? SpineOverrides.NONE : SpineOverrides.of(overrides),
                model, size, seconds, inputReference);
    }

    /** The shot as a retake changed it, in the form it is stored. */
    public static ShotContent of(ShotSpec s) {
        return new ShotContent(blank(s.subjectAction()), blank(s.cameraMovement()), blank(s.settingTime()),
                blank(s.lightingPalette()), blank(s.styleTechnical()), blank(s.dialogue()), s.model(), s.size(), s.seconds(),
                blank(s.shotType()), blank(s.sound()), blank(s.audioCues()), blank(s.physics()),
                s.characters().isEmpty() ? null : String.join(", ", s.characters()),
                s.overrides() == null || s.overrides().values().isEmpty() ? null : s.overrides().format(), blank(s.inputReference()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
