package io.dailies.core;

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
}
