package io.dailies.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A report names a take's file inside the storage folder, never by the server's absolute path. */
class TakeResultTest {

    @Test
    void theTakeFileIsRelativeToTheStorageFolder() {
        Project project = new Project("The Queen's Court");
        Shot shot = new Shot(new Sequence(project, "Castle", 1), "SC1-01");
        Take take = new Take(new Run(project, 4, false, "standalone"), shot, "A prompt", "hash");
        take.recordIntent("request-hash", "key-1");
        take.recordSubmitted("video_1");
        take.recordStored("/srv/wildfly/standalone/data/dailies/takes/run-3/Castle_SC1-01_take17.mp4", "sha", 10);

        TakeResult row = TakeResult.of(take, null, null);

        assertEquals("takes/run-3/Castle_SC1-01_take17.mp4", row.takeFile());
    }

    @Test
    void aPathOfAnotherShapeIsNamedByItsFileOnly() {
        assertEquals("takes/run-3/a.mp4", TakeResult.storedName("takes/run-3/a.mp4"));
        assertEquals("a.mp4", TakeResult.storedName("/mnt/elsewhere/a.mp4"));
        assertNull(TakeResult.storedName(null));
    }
}
