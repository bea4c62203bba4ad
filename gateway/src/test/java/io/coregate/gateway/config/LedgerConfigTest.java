package io.coregate.gateway.config;

import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerConfigTest {

    @Test
    void theSweeperRunsEveryFiveSecondsByDefault() {
        assertEquals(Duration.ofSeconds(5), ConfigLoader.load(TestGateway.config(Map.of()), Path.of("b")).ledger().sweep());
        assertEquals(Duration.ofSeconds(2),
            ConfigLoader.load(TestGateway.config(Map.of("ledger.sweep-seconds", "2")), Path.of("b")).ledger().sweep());
    }

    @Test
    void aSweepIntervalOutOfRangeStopsStartUpNamingTheKey() {
        var error = assertThrows(ConfigException.class,
            () -> ConfigLoader.load(TestGateway.config(Map.of("ledger.sweep-seconds", "0")), Path.of("b")));
        assertTrue(error.getMessage().startsWith("ledger.sweep-seconds"), error.getMessage());
    }
}
