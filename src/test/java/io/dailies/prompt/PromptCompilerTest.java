package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
