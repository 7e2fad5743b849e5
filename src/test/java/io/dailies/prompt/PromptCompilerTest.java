package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.CompiledPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptCompilerTest {

    private static final ShotPillars INTERROGATION = new ShotPillars(
            "The detective leans across the table in two beats, then taps the photo once in the final second",
            "Medium close-up, eye level, slow dolly-in, steady gimbal, no jitter",
            "Police interrogation room at night",
            "Single hard overhead lamp from above, cool edges. Palette anchors: teal, steel blue, amber",
            "35mm lens at f/2.8, fine film grain",
            "Detective: 'You're lying.' Suspect: 'Or maybe I'm tired.'");

    @Test
    void pillarsComeInTheGuidesOrderThenTheDialogueBlock() {
        String text = PromptCompiler.compile(INTERROGATION).text();
        assertEquals("""
                The detective leans across the table in two beats, then taps the photo once in the final second.
                Camera: Medium close-up, eye level, slow dolly-in, steady gimbal, no jitter.
                Setting: Police interrogation room at night.
                Lighting + palette: Single hard overhead lamp from above, cool edges. Palette anchors: teal, steel blue, amber.
                Style: 35mm lens at f/2.8, fine film grain.

                <dialogue>
                Detective: "You're lying."
                Suspect: "Or maybe I'm tired."
                </dialogue>""", text);
    }

    @Test
    void sameShotGivesTheSameBytesAndHash() {
        CompiledPrompt a = PromptCompiler.compile(INTERROGATION);
        CompiledPrompt b = PromptCompiler.compile(INTERROGATION);
        assertEquals(a, b);
        assertEquals(64, a.hash().length());
    }

    @Test
    void noDialogueNoBlockAndBlankPillarsAreLeftOut() {
        String text = PromptCompiler.compile(new ShotPillars("A raven lands on the battlement", null, " ", null, null, null)).text();
        assertEquals("A raven lands on the battlement.", text);
        assertFalse(text.contains("<dialogue>"));
    }

    @Test
    void dialogueOnSeparateRowsKeepsEachSpeaker() {
        List<String> lines = PromptCompiler.dialogueLines("Queen: “Bring me the cup.”\nSteward: Yes, Your Majesty.");
        assertEquals(List.of("Queen: \"Bring me the cup.\"", "Steward: \"Yes, Your Majesty.\""), lines);
    }

    @Test
    void unlabelledDialogueIsKeptAsWritten() {
        assertEquals(List.of("a murmur of voices"), PromptCompiler.dialogueLines("a murmur of voices"));
        assertTrue(PromptCompiler.dialogueLines("  ").isEmpty());
    }

    // --- with a style spine and a character bible ---

    static final String REYES = "a woman in her forties with a gray wool overcoat, a loosened navy tie and a silver wristwatch";
    static final String SUSPECT = "a young man with a buzz cut, a torn denim jacket and a bandaged left hand";
    static final CharacterBible BIBLE = CharacterBible.of(
            new CharacterAnchor("Detective Reyes", REYES, "refs/reyes.png", List.of("Detective", "Reyes")),
            new CharacterAnchor("Suspect", SUSPECT, "refs/suspect.png"));
    static final StyleSpine SPINE = new StyleSpine("35mm", "f/2.8", "classical coverage, motivated moves",
            "fine film grain, natural contrast", List.of("teal", "steel blue", "amber"), "steady gimbal, stable horizon, no jitter");

    private static ShotSpec.Builder shot() {
        return ShotSpec.builder()
                .subjectAction("Detective Reyes leans across the table in the first two seconds and taps the photo once in the final second")
                .cameraMovement("Medium close-up, eye level; slow dolly-in")
                .settingTime("Police interrogation room at 2 a.m.")
                .lightingPalette("Single hard overhead lamp from above, cool edges");
    }

    @Test
    void theSpineAndTheBibleAreCarriedIntoAShotThatSaysNothingOfThem() {
        ShotSpec s = shot().dialogue("Detective: 'You're lying.' Suspect: 'Or maybe I'm tired.'")
                .sound("Fluorescent hum").audioCues("door slam at 00:02; footsteps at 00:03")
                .physics("The photo is glossy paper, flat on brushed steel").build();
        assertEquals("""
                Detective Reyes (a woman in her forties with a gray wool overcoat, a loosened navy tie and a silver wristwatch) leans across the table in the first two seconds and taps the photo once in the final second.
                Characters: Suspect (a young man with a buzz cut, a torn denim jacket and a bandaged left hand).
                Camera: Medium close-up, eye level; slow dolly-in; 35mm lens at f/2.8; steady gimbal, stable horizon, no jitter.
                Setting: Police interrogation room at 2 a.m.
                Lighting + palette: Single hard overhead lamp from above, cool edges. Palette anchors: teal, steel blue, amber.
                Style: classical coverage, motivated moves; fine film grain, natural contrast.

                <dialogue>
                Detective: "You're lying."
                Suspect: "Or maybe I'm tired."
                </dialogue>

                Sound: Fluorescent hum.
                Audio cues: door slam at 00:02; footsteps at 00:03.

                Physics: The photo is glossy paper, flat on brushed steel.""", PromptCompiler.compile(s, SPINE, BIBLE).text());
    }

    @Test
    void withoutSpineOrBibleTheSpecCompilesExactlyAsThePillars() {
        CompiledPrompt viaPillars = PromptCompiler.compile(INTERROGATION);
        assertEquals(viaPillars, PromptCompiler.compile(ShotSpec.of(INTERROGATION), StyleSpine.EMPTY, CharacterBible.EMPTY));
        assertEquals(PromptCompiler.VERSION, viaPillars.compilerVersion());
        assertEquals(PromptCompiler.sha256(viaPillars.text()), viaPillars.hash());
    }

    @Test
    void sameInputsGiveByteIdenticalPromptsAndEqualHashes() {
        ShotSpec s = shot().characters("Detective Reyes").overrides("lens: 85mm").build();
        CompiledPrompt a = PromptCompiler.compile(s, SPINE, BIBLE);
        // rebuilt from scratch: equal values, different objects
        CompiledPrompt b = PromptCompiler.compile(shot().characters("Detective Reyes").overrides("lens: 85mm").build(),
                new StyleSpine("35mm", "f/2.8", "classical coverage, motivated moves", "fine film grain, natural contrast",
                        List.of("teal", "steel blue", "amber"), "steady gimbal, stable horizon, no jitter"),
                CharacterBible.of(BIBLE.characters()));
        assertArrayEquals(a.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), b.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(a.hash(), b.hash());
        assertFalse(a.hash().equals(PromptCompiler.compile(shot().build(), SPINE, BIBLE).hash()));
    }

    @Test
    void textThatAlreadyStatesTheSpineIsNotRepeated() {
        ShotSpec s = shot().cameraMovement("Medium close-up, eye level; slow dolly-in; steady gimbal, stable horizon, no jitter")
                .lightingPalette("Overhead lamp from above; Palette anchors: teal, steel blue, amber")
                .styleTechnical("35mm lens at f/2.8, classical coverage, motivated moves, fine film grain, natural contrast").build();
        String text = PromptCompiler.compile(s, SPINE, BIBLE).text();
        assertTrue(text.contains("\nCamera: Medium close-up, eye level; slow dolly-in; steady gimbal, stable horizon, no jitter.\n"), text);
        assertTrue(text.contains("\nLighting + palette: Overhead lamp from above; Palette anchors: teal, steel blue, amber.\n"), text);
        assertTrue(text.endsWith("\nStyle: 35mm lens at f/2.8, classical coverage, motivated moves, fine film grain, natural contrast."), text);
    }

    @Test
    void anOverrideReplacesTheSpinesValueEvenWhereTheTextRepeatsIt() {
        ShotSpec s = shot().styleTechnical("35mm lens at f/2.8, fine film grain, natural contrast")
                .lightingPalette("Overhead lamp from above; Palette anchors: teal, steel blue, amber")
                .overrides("lens: 85mm; palette: teal, sand, rust; grade: bleach bypass").build();
        String text = PromptCompiler.compile(s, SPINE, BIBLE).text();
        assertTrue(text.contains("Style: 85mm lens at f/2.8, bleach bypass; classical coverage, motivated moves."), text);
        assertTrue(text.contains("Palette anchors: teal, sand, rust."), text);
        assertFalse(text.contains("35mm") || text.contains("steel blue") || text.contains("natural contrast"), text);
    }

    @Test
    void aLensTheTextNamesWithoutAnOverrideGivesWayToTheSpine() {
        ShotSpec s = shot().cameraMovement("Medium close-up on an 85mm lens at f/1.4; slow dolly-in").build();
        String text = PromptCompiler.compile(s, SPINE, BIBLE).text();
        assertTrue(text.contains("Camera: Medium close-up on an 35mm lens at f/2.8; slow dolly-in; steady gimbal"), text);
        // with the override, the shot keeps its lens
        String overridden = PromptCompiler.compile(s.toBuilder().overrides("lens: 85mm; aperture: f/1.4").build(), SPINE, BIBLE).text();
        assertTrue(overridden.contains("Camera: Medium close-up on an 85mm lens at f/1.4; slow dolly-in; steady gimbal"), overridden);
    }

    @Test
    void noneClearsASpineFieldForOneShot() {
        ShotSpec s = shot().overrides("lens: none; aperture: none; palette: none").build();
        String text = PromptCompiler.compile(s, SPINE, BIBLE).text();
        assertFalse(text.contains("35mm") || text.contains("f/2.8") || text.contains("Palette anchors"), text);
    }

    @Test
    void stabilityCuesOnlyForAMovingCameraWithoutACueOfItsOwn() {
        String locked = PromptCompiler.compile(shot().cameraMovement("Medium shot; locked tripod camera, no movement").build(), SPINE, BIBLE).text();
        assertFalse(locked.contains("gimbal"), locked);
        String handheld = PromptCompiler.compile(shot().cameraMovement("Medium shot, handheld ENG camera").build(), SPINE, BIBLE).text();
        assertFalse(handheld.contains("gimbal"), "a handheld look is wanted shake: " + handheld);
        String smooth = PromptCompiler.compile(shot().cameraMovement("Medium shot; smooth slow pan left to right").build(), SPINE, BIBLE).text();
        assertFalse(smooth.contains("gimbal"), smooth);
        String moving = PromptCompiler.compile(shot().cameraMovement("Medium shot; slow pan left to right").build(), SPINE, BIBLE).text();
        assertTrue(moving.contains("slow pan left to right; 35mm lens at f/2.8; steady gimbal, stable horizon, no jitter."), moving);
        String asked = PromptCompiler.compile(shot().cameraMovement("Medium shot; locked tripod camera")
                .overrides("stability: no vibration").build(), SPINE, BIBLE).text();
        assertTrue(asked.contains("locked tripod camera; 35mm lens at f/2.8; no vibration."), "an explicit override is always written: " + asked);
    }

    @Test
    void theShotTypeLeadsTheCameraLineUnlessTheCameraTextSaysIt() {
        String a = PromptCompiler.compile(shot().shotType("Extreme close-up").cameraMovement("locked tripod camera").build(),
                StyleSpine.EMPTY, CharacterBible.EMPTY).text();
        assertTrue(a.contains("\nCamera: Extreme close-up; locked tripod camera.\n"), a);
        String b = PromptCompiler.compile(shot().shotType("medium close-up").build(), StyleSpine.EMPTY, CharacterBible.EMPTY).text();
        assertTrue(b.contains("\nCamera: Medium close-up, eye level; slow dolly-in.\n"), b);
    }

    @Test
    void aCharacterIsDescribedOnceAtTheFirstPlainMentionAndNeverTwice() {
        ShotSpec s = shot().subjectAction("The suspect's hands shake; Reyes watches the suspect and the detective smiles in the final second")
                .build();
        String text = PromptCompiler.compile(s, SPINE, BIBLE).text();
        assertTrue(text.startsWith("The suspect's hands shake; Reyes (" + REYES + ") watches the suspect (" + SUSPECT
                + ") and the detective smiles in the final second."), text);
        assertEquals(1, count(text, REYES));
        assertEquals(1, count(text, SUSPECT));
        assertFalse(text.contains("Characters:"), text);
    }

    @Test
    void aDescriptionAlreadyWrittenWordForWordIsLeftAlone() {
        ShotSpec s = shot().subjectAction("Detective Reyes, " + REYES + ", leans in during the first second").build();
        String text = PromptCompiler.compile(s, SPINE, BIBLE).text();
        assertEquals(1, count(text, REYES), text);
        assertTrue(text.startsWith("Detective Reyes, " + REYES + ", leans in"), text);
    }

    @Test
    void namesAreWholeWordsIgnoringCase() {
        CharacterBible bible = CharacterBible.of(new CharacterAnchor("Queen", "a woman in her sixties with a silver crown and a jade ring", ""));
        String text = PromptCompiler.compile(ShotSpec.builder().subjectAction("The QUEENLY hall waits; the QUEEN enters in the first second").build(),
                StyleSpine.EMPTY, bible).text();
        assertEquals("The QUEENLY hall waits; the QUEEN (a woman in her sixties with a silver crown and a jade ring) enters in the first second.", text);
    }

    @Test
    void apiParametersNeverReachTheText() {
        ShotSpec s = shot().model("sora-2-pro").size("1920x1080").seconds(12).inputReference("refs/frame.png")
                .characters("Detective Reyes").build();
        String text = PromptCompiler.compile(s, SPINE, BIBLE).text();
        for (String p : List.of("sora", "1920", "1080", "12", "frame.png", "refs/")) {
            assertFalse(text.contains(p), p + " in " + text);
        }
    }

    @Test
    void sectionsComeInTheGuidesOrder() {
        ShotSpec s = shot().dialogue("Detective: 'Now.'").sound("hum").audioCues("slam at 00:01").physics("heavy door")
                .styleTechnical("fine grain").characters("Suspect").build();
        assertEquals(List.of(PromptSection.values()), List.copyOf(PromptCompiler.sections(s, SPINE, BIBLE).keySet()));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
