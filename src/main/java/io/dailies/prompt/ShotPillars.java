package io.dailies.prompt;

/** The five pillars of a shot as the producer wrote them, plus its dialogue. */
public record ShotPillars(String subjectAction, String cameraMovement, String settingTime, String lightingPalette,
                          String styleTechnical, String dialogue) {
}
