package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stock media: every take's file is the shared stock file, linked rather than copied where possible. */
class StockMediaTest {

    @TempDir
    Path dir;

    @Test
    void aTakeBecomesAHardLinkOfTheStockFileReplacingWhatWasThere() throws Exception {
        Path stock = dir.resolve("stock-1280x720-4.0s-ambient.mp4");
        Files.write(stock, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Path take = dir.resolve("video_1.rendering.mp4");
        Files.writeString(take, "a half-written take from before a restart");

        RenderQueue.linkOrCopy(stock, take);

        assertArrayEquals(Files.readAllBytes(stock), Files.readAllBytes(take));
        // Same file system: one inode, two names — no bytes copied.
        assertEquals(Files.getAttribute(stock, "unix:ino"), Files.getAttribute(take, "unix:ino"));
        assertEquals(2, Files.getAttribute(stock, "unix:nlink"));
    }
}
