package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoParamsTest {

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static void assertRejected(VideoParams.Result r, String param, String mentioned) {
        assertFalse(r.ok(), "rejected: " + r);
        assertEquals(param, r.param());
        assertTrue(r.message().contains(mentioned), r.message());
        assertNull(r.model());
        assertNull(r.prompt());
    }

    @Test
    void aPromptAloneTakesTheProvidersDefaults() {
        VideoParams.Result r = VideoParams.validate(fields("prompt", "A paper boat drifts down a gutter."));
        assertTrue(r.ok());
        assertNull(r.param());
        assertNull(r.message());
        assertEquals("sora-2", r.model());
        assertEquals("A paper boat drifts down a gutter.", r.prompt());
        assertEquals("720x1280", r.size());
        assertEquals("4", r.seconds());
    }

    @Test
    void givenValuesAreKept() {
        VideoParams.Result r = VideoParams.validate(fields("prompt", "x", "model", "sora-2-pro", "size", "1920x1080", "seconds", "20"));
        assertTrue(r.ok(), r.toString());
        assertEquals("sora-2-pro", r.model());
        assertEquals("1920x1080", r.size());
        assertEquals("20", r.seconds());
    }

    @Test
    void datedSnapshotsAreJudgedByTheirBaseModel() {
        VideoParams.Result pro = VideoParams.validate(fields("prompt", "x", "model", "sora-2-pro-2025-10-06", "size", "1792x1024"));
        assertTrue(pro.ok(), pro.toString());
        assertEquals("sora-2-pro-2025-10-06", pro.model(), "the model is reported as asked for");
        VideoParams.Result plain = VideoParams.validate(fields("prompt", "x", "model", "sora-2-2025-12-08", "size", "1792x1024"));
        assertRejected(plain, "size", "sora-2");
    }

    @Test
    void thePromptIsRequiredAndAtMost32000Characters() {
        assertRejected(VideoParams.validate(fields("model", "sora-2")), "prompt", "prompt");
        assertRejected(VideoParams.validate(fields("prompt", "")), "prompt", "prompt");
        assertTrue(VideoParams.validate(fields("prompt", "a".repeat(32000))).ok());
        assertRejected(VideoParams.validate(fields("prompt", "a".repeat(32001))), "prompt", "32001");
    }

    @Test
    void unknownModelsAreRefused() {
        assertRejected(VideoParams.validate(fields("prompt", "x", "model", "sora-3")), "model", "sora-3");
        assertRejected(VideoParams.validate(fields("prompt", "x", "model", "sora-2-2025")), "model", "sora-2-2025");
    }

    @Test
    void theSizeMustBeOneTheModelRenders() {
        VideoParams.Result r = VideoParams.validate(fields("prompt", "x", "model", "sora-2", "size", "1920x1080"));
        assertRejected(r, "size", "1920x1080");
        assertTrue(r.message().contains("1280x720, 720x1280"), "lists what is supported: " + r.message());
        assertRejected(VideoParams.validate(fields("prompt", "x", "size", "640x480")), "size", "640x480");
    }

    @Test
    void secondsAreFourToTwentyInStepsOfFour() {
        for (String ok : new String[] {"4", "8", "12", "16", "20"}) {
            assertTrue(VideoParams.validate(fields("prompt", "x", "seconds", ok)).ok(), ok);
        }
        for (String bad : new String[] {"5", "0", "24", "4.0", "", "four"}) {
            assertRejected(VideoParams.validate(fields("prompt", "x", "seconds", bad)), "seconds", "'" + bad + "'");
        }
    }

    @Test
    void theFirstBrokenRuleIsReportedInFieldOrder() {
        VideoParams.Result r = VideoParams.validate(fields("model", "nope", "size", "1x1", "seconds", "5"));
        assertEquals("prompt", r.param());
        r = VideoParams.validate(fields("prompt", "x", "model", "nope", "size", "1x1", "seconds", "5"));
        assertEquals("model", r.param());
        r = VideoParams.validate(fields("prompt", "x", "size", "1x1", "seconds", "5"));
        assertEquals("size", r.param());
    }

    @Test
    void thePromptRuleAloneServesRemixesEditsAndExtensions() {
        assertTrue(VideoParams.validatePrompt("Same shot, new palette: teal, sand, rust.").ok());
        assertEquals("prompt", VideoParams.validatePrompt(null).param());
        assertEquals("prompt", VideoParams.validatePrompt("b".repeat(32001)).param());
    }
}
