package io.coregate.gateway.plugins;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plugin version closes only when no call runs in it, and admits none afterwards. */
class InFlightTest {

    @Test
    void closesOnlyWhenDrainedAndAdmitsNoCallAfterwards() {
        var calls = new InFlight();
        assertTrue(calls.tryEnter());
        assertTrue(calls.tryEnter());
        assertEquals(2, calls.current());
        assertFalse(calls.close(), "two calls still run");
        calls.exit();
        assertFalse(calls.close(), "one call still runs");
        calls.exit();
        assertTrue(calls.close());
        assertTrue(calls.close(), "closing again is harmless");
        assertFalse(calls.tryEnter());
        assertEquals(0, calls.current());
    }
}
