package io.dailies.emulator.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cue times as the guide and compiled prompts write them, and what is no cue. */
class PromptCuesTest {

    @Test
    void clockTimesOfACompiledAudioCuesLine() {
        assertEquals(List.of(2.0, 4.0, 6.0),
                PromptCues.seconds("Sound: a quiet hall.\nAudio cues: door slam at 00:02; footsteps at 00:04; cheer at 00:06."));
        assertEquals(List.of(2.5, 65.0, 3723.0),
                PromptCues.seconds("at about 0:02.5 clap; at ~1:05 thud; at around 1:02:03 gong"));
    }

    @Test
    void secondsWithAUnit() {
        assertEquals(List.of(2.0, 2.5, 3.0, 4.0),
                PromptCues.seconds("hit at 2 s, crash at 2.5s, bang @ 3 sec and boom at 4 seconds"));
        assertEquals(List.of(3.0), PromptCues.seconds("a bell at the 3-second mark"));
        assertEquals(List.of(2.0), PromptCues.seconds("a cat at  2   seconds"));
    }

    @Test
    void numbersThatAreNoCueTimes() {
        assertEquals(List.of(), PromptCues.seconds("shot at f/2.8 at 35mm at 24 fps"));
        assertEquals(List.of(), PromptCues.seconds("at 11:45 pm, at 6:30 o'clock, at 9:00 hours, at 7:15 a.m."));
        assertEquals(List.of(), PromptCues.seconds("at 0:75 and at 1:60:00 are no clock readings"));
        assertEquals(List.of(), PromptCues.seconds("flat 3 s, that 4 seconds"));
        assertEquals(List.of(), PromptCues.seconds(null));
    }

    @Test
    void theSameTimeTwiceIsOneCueAndCuesComeInTimeOrder() {
        assertEquals(List.of(1.0, 3.0), PromptCues.seconds("thud at 00:03; clap at 1 s; knock at 0:01"));
    }
}
