package io.coregate.gateway.config;

import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdkClientConfigTest {

    @Test
    void defaultsComeFromApplicationYamlAndOutlastTheConnectorsOwnWaits() {
        SdkClientConfig config = SdkClientConfig.load(TestGateway.config(Map.of()));
        assertEquals(Duration.ofSeconds(2), config.connectTimeout());
        assertEquals(Duration.ofSeconds(65), config.transferTimeout());
        assertEquals(Duration.ofSeconds(65), config.acceptTimeout());
        assertEquals(Duration.ofSeconds(10), config.statusTimeout());
        assertEquals(Duration.ofMillis(30_600), config.statusReadWorstCase(), "3 attempts of 10 s, pauses of 200 and 400 ms");
        assertEquals(3, config.statusAttempts());
        assertEquals(2, config.connectAttempts());
        assertEquals(Duration.ofMillis(200), config.retryBackoff());
    }

    @Test
    void eachKeyCanBeSet() {
        SdkClientConfig config = SdkClientConfig.load(TestGateway.config(Map.of("sdk.client.accept-timeout-millis", "1500",
            "sdk.client.status-attempts", "5")));
        assertEquals(Duration.ofMillis(1500), config.acceptTimeout());
        assertEquals(5, config.statusAttempts());
    }

    @ParameterizedTest
    @CsvSource({
        "sdk.client.connect-timeout-millis, 0",
        "sdk.client.transfer-timeout-millis, soon",
        "sdk.client.status-attempts, 0",
        "sdk.client.connect-attempts, 11",
        "sdk.client.retry-backoff-millis, -1"
    })
    void invalidValueStopsStartUpNamingTheKey(String key, String value) {
        var error = assertThrows(ConfigException.class, () -> SdkClientConfig.load(TestGateway.config(Map.of(key, value))));
        assertTrue(error.getMessage().startsWith(key), error.getMessage());
    }
}
