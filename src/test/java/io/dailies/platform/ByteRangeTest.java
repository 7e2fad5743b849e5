package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void theThreeFormsOfOneRange() throws Exception {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(500, 999)), ByteRange.parse("bytes=500-", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=-100", 1000));
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
        assertEquals(100, new ByteRange(0, 99).length());
    }

    @Test
    void aRangeReachingPastTheEndStopsAtTheLastByte() throws Exception {
        assertEquals(Optional.of(new ByteRange(990, 999)), ByteRange.parse("bytes=990-5000", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-5000", 1000));
    }

    @Test
    void whatIsNotOneRangeGetsTheWholeFile() throws Exception {
        assertEquals(Optional.empty(), ByteRange.parse(null, 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-9,20-29", 1000), "several ranges");
        assertEquals(Optional.empty(), ByteRange.parse("items=0-9", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=-", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=9-2", 1000), "last before first");
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-99999999999999999999", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-9", 0), "an empty file");
    }

    @Test
    void aRangePastTheEndIsUnsatisfiable() {
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=1000-", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=-0", 1000));
    }
}
