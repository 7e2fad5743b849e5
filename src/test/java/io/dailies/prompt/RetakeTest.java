package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** "Same shot, switch to 85 mm": one named change, one changed element in the prompt. */
class RetakeTest {

    static final StyleSpine SPINE = PromptCompilerTest.SPINE;
    static final CharacterBible BIBLE = PromptCompilerTest.BIBLE;

    /** A shot with every element filled in, some of it repeating the spine word for word. */
    static final ShotSpec SHOT = ShotSpec.builder().sequence("Interrogation").shotCode("SC2-03")
            .subjectAction("Detective Reyes leans across the table in the first two seconds and taps the photo once in the final second")
            .cameraMovement("Medium close-up, eye level; slow dolly-in; steady gimbal, stable horizon, no jitter")
            .settingTime("Police interrogation room at 2 a.m.")
            .lightingPalette("Single hard overhead lamp from above, cool edges; Palette anchors: teal, steel blue, amber")
            .styleTechnical("35mm lens at f/2.8, fine film grain, natural contrast")
            .dialogue("Detective: 'You're lying.'\nSuspect: 'Or maybe I'm tired.'")
            .sound("Fluorescent hum").audioCues("chair creak at 00:03").physics("The photo is glossy paper on brushed steel")
            .characters("Detective Reyes").build();

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(Retake.Change.of(Retake.Element.LENS, "85mm"), "Style: ", "85mm"),
                Arguments.of(Retake.Change.of(Retake.Element.APERTURE, "f/1.4"), "Style: ", "f/1.4"),
                Arguments.of(Retake.Change.of(Retake.Element.CAMERA_LANGUAGE, "handheld documentary coverage"), "Style: ", "handheld documentary"),
                Arguments.of(Retake.Change.of(Retake.Element.GRADE, "bleach bypass"), "Style: ", "bleach bypass"),
                Arguments.of(Retake.Change.of(Retake.Element.PALETTE, "teal, sand, rust"), "Lighting + palette: ", "teal, sand, rust"),
                Arguments.of(Retake.Change.of(Retake.Element.CAMERA_STABILITY, ""), "Camera: ", Retake.STEADIER),
                Arguments.of(Retake.Change.of(Retake.Element.SHOT_TYPE, "Extreme close-up"), "Camera: ", "Extreme close-up"),
                Arguments.of(Retake.Change.of(Retake.Element.CAMERA, "Medium close-up; locked tripod camera, no movement"), "Camera: ", "locked tripod"),
                Arguments.of(Retake.Change.of(Retake.Element.ACTION,
                        "Detective Reyes sits down in the first second and folds her hands in the final second"), "Detective Reyes", "folds her hands"),
                Arguments.of(Retake.Change.of(Retake.Element.SETTING, "Police interrogation room at dawn"), "Setting: ", "at dawn"),
                Arguments.of(Retake.Change.of(Retake.Element.LIGHTING, "Single hard light from below, cool edges, deep shadows"),
                        "Lighting + palette: ", "from below"),
                Arguments.of(Retake.Change.of(Retake.Element.STYLE, "35mm lens at f/2.8, heavy grain, crushed blacks"), "Style: ", "crushed blacks"),
                Arguments.of(Retake.Change.of(Retake.Element.DIALOGUE, "Detective: 'You're lying.'\nSuspect: 'I'm tired.'"), "Suspect: ", "I'm tired"),
                Arguments.of(Retake.Change.of(Retake.Element.SOUND, "Rain on the window"), "Sound: ", "Rain"),
                Arguments.of(Retake.Change.of(Retake.Element.AUDIO_CUES, "chair creak at 00:02"), "Audio cues: ", "00:02"),
                Arguments.of(Retake.Change.of(Retake.Element.PHYSICS, "The photo is stiff card on brushed steel"), "Physics: ", "stiff card"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void oneChangeChangesOneLineOfThePrompt(Retake.Change change, String linePrefix, String newText) {
        PromptVersion v1 = PromptVersion.first(PromptCompiler.compile(SHOT, SPINE, BIBLE));
        Retake.Result r = Retake.next(v1, SHOT, change, SPINE, BIBLE);
        assertEquals(1, r.diff().removed().size(), r.diff().render());
        assertEquals(1, r.diff().added().size(), r.diff().render());
        String added = r.diff().added().get(0);
        assertTrue(added.startsWith(linePrefix), added);
        assertTrue(added.contains(newText), added);
        assertEquals(2, r.version().number());
        assertEquals(change.describe(), r.version().change());
        assertEquals(PromptCompiler.compile(r.shot(), SPINE, BIBLE), r.version().prompt());
    }

    @Test
    void everyElementIsCovered() {
        assertEquals(Retake.Element.values().length, changes().count());
    }

    @Test
    void aSpineChangeBecomesAnOverrideOfTheShotAndNothingElse() {
        ShotSpec s = Retake.apply(SHOT, Retake.Change.of(Retake.Element.LENS, "85mm"));
        assertEquals("lens: 85mm", s.overrides().format());
        assertEquals(SHOT, s.toBuilder().overrides(SpineOverrides.NONE).build());
    }

    @Test
    void newLightingKeepsThePaletteUnlessItNamesOne() {
        ShotSpec s = Retake.apply(SHOT, Retake.Change.of(Retake.Element.LIGHTING, "Soft window light from frame left."));
        assertEquals("Soft window light from frame left; Palette anchors: teal, steel blue, amber", s.lightingPalette());
    }

    @Test
    void theGuidesPhrasingIsUnderstood() {
        assertEquals(Retake.Change.of(Retake.Element.LENS, "85 mm"), Retake.Change.parse("same shot, switch to 85 mm"));
        assertEquals(Retake.Change.of(Retake.Element.PALETTE, "teal, sand, rust"), Retake.Change.parse("same lighting, new palette: teal, sand, rust"));
        assertEquals(Retake.Change.of(Retake.Element.CAMERA_STABILITY, ""), Retake.Change.parse("steadier camera"));
        assertEquals(Retake.Change.of(Retake.Element.APERTURE, "f/4"), Retake.Change.parse("f/4"));
        assertEquals(Retake.Change.of(Retake.Element.AUDIO_CUES, "door slam at 00:02"), Retake.Change.parse("Audio cues: door slam at 00:02"));
        assertEquals("same shot, lens: 85 mm", Retake.Change.parse("switch to 85 mm").describe());
        assertThrows(IllegalArgumentException.class, () -> Retake.Change.parse("make it better"));
        assertThrows(IllegalArgumentException.class, () -> Retake.Change.of(Retake.Element.ACTION, " "));
    }

    @Test
    void retakesChainVersionByVersion() {
        PromptVersion v1 = PromptVersion.first(PromptCompiler.compile(SHOT, SPINE, BIBLE));
        Retake.Result r2 = Retake.next(v1, SHOT, Retake.Change.parse("lens: 85mm"), SPINE, BIBLE);
        Retake.Result r3 = Retake.next(r2.version(), r2.shot(), Retake.Change.parse("palette: teal, sand, rust"), SPINE, BIBLE);
        assertEquals(3, r3.version().number());
        assertEquals("lens: 85mm; palette: teal, sand, rust", r3.shot().overrides().format());
        assertEquals(List.of("Lighting + palette: Single hard overhead lamp from above, cool edges; Palette anchors: teal, sand, rust."),
                r3.diff().added());
        assertEquals(2, PromptDiff.between(v1.prompt(), r3.version().prompt()).added().size());
    }
}
