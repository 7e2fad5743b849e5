package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void aStuckGenerationIsQueuedThenInProgressForEverWithItsProgressStoppedBelow100() {
        EmulatedVideo v = video();
        assertFalse(v.isStuck());
        v.stick(42);
        assertTrue(v.isStuck());
        assertEquals(42, v.getStuckAtProgress());
        assertEquals("queued", v.status(T0 + 999, false));
        assertEquals(0, v.progress(T0 + 999, "queued"));
        assertEquals("in_progress", v.status(T0 + 2000, false));
        assertEquals(25, v.progress(T0 + 2000, "in_progress"), "a quarter of the render time: it climbs as usual");
        for (long later : new long[] {T0 + 5000, T0 + 60_000, T0 + 30L * 86_400_000}) {
            assertEquals("in_progress", v.status(later, true), "never completed, even with a file in place");
            assertEquals(42, v.progress(later, v.status(later, true)));
        }
    }

    @Test
    void aRunningGenerationsProgressClimbsTo99AndAStuckOneMayStopAnywhereBelow100() {
        EmulatedVideo v = video();
        assertEquals(1, v.progress(T0 + 1000, "in_progress"));
        assertEquals(50, v.progress(T0 + 3000, "in_progress"));
        assertEquals(99, v.progress(T0 + 60_000, "in_progress"), "rendered but its file not yet in place");
        assertEquals(100, v.progress(T0 + 60_000, "completed"));
        assertEquals(0, v.progress(T0 + 60_000, "failed"));
        EmulatedVideo early = video();
        early.stick(0);
        assertEquals(0, early.progress(T0 + 60_000, "in_progress"));
        EmulatedVideo late = video();
        late.stick(99);
        assertEquals("in_progress", late.status(T0 + 60_000, true));
        assertEquals(99, late.progress(T0 + 60_000, "in_progress"));
        assertThrows(IllegalArgumentException.class, () -> video().stick(100));
        assertThrows(IllegalArgumentException.class, () -> video().stick(-1));
    }

    @Test
    void theFaultDecidedAtAcceptanceIsRecordedOnTheVideo() {
        EmulatedVideo stuck = video();
        Emulator.applyFault(stuck, Faults.GenerationFault.stuck(17));
        assertTrue(stuck.isStuck());
        assertNull(stuck.getErrorCode());
        EmulatedVideo failed = video();
        Emulator.applyFault(failed, Faults.GenerationFault.failed(new Faults.Failure("moderation_blocked", "no")));
        assertFalse(failed.isStuck());
        assertEquals("failed", failed.status(T0 + 60_000, false));
        EmulatedVideo plain = video();
        Emulator.applyFault(plain, null);
        assertFalse(plain.isStuck());
        assertNull(plain.getErrorCode());
        assertThrows(IllegalArgumentException.class, () -> new Faults.GenerationFault(null, null));
    }

    @Test
    void aStuckGenerationIsNeverRendered() {
        EmulatedVideo v = video();
        v.stick(42);
        // A RenderQueue with no storage and no executor: anything past the stuck check would throw.
        new RenderQueue().ensure(v);
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
