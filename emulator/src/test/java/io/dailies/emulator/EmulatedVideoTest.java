package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lifecycle the emulator reports, and what a variant records about its source. */
class EmulatedVideoTest {

    private static final long T0 = 1_000_000L;

    /** Created at T0, queued 1 s, rendering 4 s: done at T0 + 5 s. */
    private static EmulatedVideo video() {
        return new EmulatedVideo("video_1", "sora-2", "A boat.", "1280x720", "4", T0, 1000, 4000, null);
    }

    @Test
    void queuedThenInProgressThenCompletedOnceTheFileExists() {
        EmulatedVideo v = video();
        assertEquals("queued", v.status(T0, false));
        assertEquals("queued", v.status(T0 + 999, true));
        assertEquals("in_progress", v.status(T0 + 1000, false));
        assertEquals("in_progress", v.status(T0 + 4999, true), "not before the render time is over");
        assertEquals("in_progress", v.status(T0 + 5000, false), "not before the file exists");
        assertEquals("completed", v.status(T0 + 5000, true));
    }

    @Test
    void aDoomedGenerationStaysQueuedForItsQueuedTimeThenFails() {
        EmulatedVideo v = video();
        v.fail("moderation_blocked", "Blocked by the content policy.");
        assertEquals("queued", v.status(T0 + 500, false));
        assertEquals("failed", v.status(T0 + 1000, false));
        assertEquals("failed", v.status(T0 + 60_000, true), "a failure is final even if a file exists");
    }

    @Test
    void aRemixNamesItsSourceInRemixedFromVideoId() {
        EmulatedVideo v = video();
        v.madeFrom(EmulatedVideo.Origin.remix("video_src"));
        assertEquals("remix", v.getVariant());
        assertEquals("video_src", v.getSourceVideoId());
        assertEquals("video_src", v.getRemixedFromVideoId());
        assertFalse(v.isExtension());
    }

    @Test
    void editsAndExtensionsRecordTheirSourceButAreNoRemix() {
        EmulatedVideo edit = video();
        edit.madeFrom(EmulatedVideo.Origin.edit(null, "upload_1.mp4"));
        assertEquals("edit", edit.getVariant());
        assertEquals("upload_1.mp4", edit.getSourceUpload());
        assertNull(edit.getRemixedFromVideoId());

        EmulatedVideo ext = video();
        ext.madeFrom(EmulatedVideo.Origin.extension("video_src", null, "8"));
        assertTrue(ext.isExtension());
        assertEquals("8", ext.getExtensionSeconds());
        assertEquals("video_src", ext.getSourceVideoId());
        assertNull(ext.getRemixedFromVideoId());

        EmulatedVideo plain = video();
        plain.madeFrom(EmulatedVideo.Origin.PROMPT);
        assertNull(plain.getVariant());
        assertNull(plain.getSourceVideoId());
    }
}
