package io.dailies.scoring.media;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioCuesTest {

    @Test
    void readsTheGuidesExample() {
        assertEquals(List.of(new AudioCue("door slam", 2), new AudioCue("footsteps", 4), new AudioCue("cheer", 6)),
                AudioCues.parse("Sound: door slam at 00:02; footsteps at 00:04; cheer at 00:06."));
    }

    @Test
    void readsSecondsWithUnitsAndClockTimesWithDecimals() {
        assertEquals(List.of(new AudioCue("The glass shatters", 2), new AudioCue("thunder", 2.5),
                        new AudioCue("a dog barks", 3.25), new AudioCue("Bell", 4), new AudioCue("whistle", 5),
                        new AudioCue("gong", 65), new AudioCue("horn", 3661)),
                AudioCues.parse("The glass shatters at 2 s, thunder at 0:02.5 and a dog barks at 3.25s. "
                        + "Bell at 4 seconds; whistle @ 5 sec; gong at 1:05; horn at 1:01:01"));
        assertEquals(List.of(new AudioCue("the cork pops", 3)), AudioCues.parse("the cork pops at the 3-second mark"));
        assertEquals(List.of(new AudioCue("splash", 1.5)), AudioCues.parse("splash at around 1.5 s"));
    }

    @Test
    void cuesComeOutInTimeOrderAndOnce() {
        List<AudioCue> cues = AudioCues.parse("cheer at 00:06; door slam at 00:02; door slam at 00:02");
        assertEquals(List.of(new AudioCue("door slam", 2), new AudioCue("cheer", 6)), cues);
        assertEquals(List.of(2.0, 6.0), AudioCues.seconds(cues));
    }

    @Test
    void numbersThatAreNotTimesAreNotCues() {
        assertTrue(AudioCues.parse("35mm lens at f/2.8, shot at 24 fps, 4 seconds long, golden hour at dawn, "
                + "in the final second she turns; at 2 she smiles").isEmpty());
        assertTrue(AudioCues.parse(null).isEmpty());
        assertTrue(AudioCues.parse("  ").isEmpty());
        assertTrue(AudioCues.parse("clock reads 10:75 at 10:75").isEmpty(), "not a clock time");
        assertTrue(AudioCues.parse("a diner at 11:45 pm; the bell rings at 6:30 o'clock; at 9:15 a.m.").isEmpty(),
                "times of day are not cues");
    }

    @Test
    void anUnlabelledCueIsStillACue() {
        assertEquals(List.of(new AudioCue("cue", 2)), AudioCues.parse("At 00:02."));
        assertEquals(List.of(new AudioCue("knock", 1)), AudioCues.parse("Sound - knock at 1 s"));
    }

    @Test
    void cueTimesMustBeRealSeconds() {
        assertThrows(IllegalArgumentException.class, () -> new AudioCue("x", -1));
        assertThrows(IllegalArgumentException.class, () -> new AudioCue("x", Double.NaN));
    }
}
