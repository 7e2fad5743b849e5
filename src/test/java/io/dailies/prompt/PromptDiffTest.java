package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.CompiledPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptDiffTest {

    static final String V1 = """
            The queen lifts her chin in the final second.
            Camera: Medium shot; slow dolly-in; 35mm lens at f/2.8.
            Setting: Throne room at dawn.""";

    @Test
    void identicalVersionsHaveNoDiff() {
        PromptDiff d = PromptDiff.between(V1, V1);
        assertTrue(d.isEmpty());
        assertEquals("", d.renderWords());
        assertEquals(3, d.lines().size());
    }

    @Test
    void aChangedLineShowsAsRemovedThenAddedAndWordByWord() {
        String v2 = V1.replace("35mm", "85mm");
        PromptDiff d = PromptDiff.between(V1, v2);
        assertFalse(d.isEmpty());
        assertEquals(List.of("Camera: Medium shot; slow dolly-in; 35mm lens at f/2.8."), d.removed());
        assertEquals(List.of("Camera: Medium shot; slow dolly-in; 85mm lens at f/2.8."), d.added());
        assertEquals("""
                  The queen lifts her chin in the final second.
                - Camera: Medium shot; slow dolly-in; 35mm lens at f/2.8.
                + Camera: Medium shot; slow dolly-in; 85mm lens at f/2.8.
                  Setting: Throne room at dawn.
                """, d.render());
        assertEquals("~ Camera: Medium shot; slow dolly-in; [-35mm-] {+85mm+} lens at f/2.8.\n", d.renderWords());
    }

    @Test
    void addedAndRemovedLinesStandAlone() {
        String v2 = V1 + "\n\nPhysics: heavy goblet.";
        PromptDiff d = PromptDiff.between(V1, v2);
        assertEquals(List.of("", "Physics: heavy goblet."), d.added());
        assertEquals("+ \n+ Physics: heavy goblet.\n", d.renderWords());
        PromptDiff back = PromptDiff.between(v2, V1);
        assertEquals(List.of("", "Physics: heavy goblet."), back.removed());
    }

    @Test
    void theDiffIsDeterministic() {
        String a = "a\nb\nc\nb\na";
        String b = "b\na\nc\na\nb";
        assertEquals(PromptDiff.between(a, b).render(), PromptDiff.between(a, b).render());
        assertEquals("x [-y-] {+z w+}", PromptDiff.words("x y", "x z w"));
        assertEquals("{+a+}", PromptDiff.words("", "a"));
    }

    @Test
    void versionsOfCompiledPromptsCanBeCompared() {
        CompiledPrompt p1 = PromptCompiler.compile(new ShotPillars("The queen waits in the first second", "Wide shot", null, null, null, null));
        CompiledPrompt p2 = PromptCompiler.compile(new ShotPillars("The queen waits in the first second", "Close-up", null, null, null, null));
        PromptVersion v1 = PromptVersion.first(p1);
        PromptVersion v2 = new PromptVersion(2, p2, "same shot, camera: Close-up");
        assertEquals("~ Camera: [-Wide shot.-] {+Close-up.+}\n", v2.diffFrom(v1).renderWords());
    }

    @Test
    void hugeLinesAreComparedWithoutAHugeTable() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            a.append("w").append(i).append(' ');
            b.append("w").append(i % 7 == 0 ? "x" + i : String.valueOf(i)).append(' ');
        }
        String words = PromptDiff.words(a.toString(), b.toString());
        assertTrue(words.startsWith("[-w0 w1"), words.substring(0, 40));
        assertTrue(words.contains("{+wx0 w1"), "too big to align word by word: shown as a replacement");
        assertEquals("a b [-c-] {+x+} d e", PromptDiff.words("a b c d e", "a b x d e"));
    }
}
