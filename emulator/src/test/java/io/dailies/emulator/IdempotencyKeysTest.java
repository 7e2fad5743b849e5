package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    static IdempotencyKeys keys(String setting) {
        IdempotencyKeys k = new IdempotencyKeys();
        k.configured = setting;
        k.load();
        return k;
    }

    @Test
    void ignoredByDefault() {
        IdempotencyKeys k = new IdempotencyKeys();
        assertEquals(IdempotencyKeys.Mode.IGNORE, k.mode());
        assertNull(k.keyFor("take-7"));
        assertNull(keys("ignore").keyFor("take-7"));
    }

    @Test
    void honouredWhenConfigured() {
        assertEquals("take-7", keys("honour").keyFor("take-7"));
        assertEquals("take-7", keys(" Honor ").keyFor("take-7"));
        assertNull(keys("honour").keyFor("  "));
        assertNull(keys("honour").keyFor(null));
        String longKey = "k".repeat(200);
        String stored = keys("honour").keyFor(longKey);
        assertTrue(stored.startsWith("sha256:") && stored.length() <= 80, stored);
        assertEquals(stored, keys("honour").keyFor(longKey), "the same long key is stored the same way");
    }

    @Test
    void anyOtherSettingStopsTheDeployment() {
        assertThrows(IllegalStateException.class, () -> keys("dedupe"));
        assertThrows(IllegalStateException.class, () -> keys(""));
    }
}
