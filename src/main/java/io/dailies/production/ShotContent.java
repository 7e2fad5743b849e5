package io.dailies.production;

/** What a producer wrote for a shot: the five pillars, the dialogue and the API parameters. */
public record ShotContent(String subjectAction, String cameraMovement, String settingTime, String lightingPalette,
                          String styleTechnical, String dialogue, String model, String size, int seconds) {
}
