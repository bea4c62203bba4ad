package io.coregate.plugin.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The version the API reports at run time is the module's SemVer version from its pom. */
class ApiVersionTest {

    @Test
    void theRuntimeVersionIsThePomVersion() {
        String pomVersion = System.getProperty("coregate.plugin-api.pom-version");
        assertTrue(pomVersion != null && !pomVersion.startsWith("${"), "surefire passes the pom version, got " + pomVersion);
        assertEquals(pomVersion, ApiVersion.current());
    }

    @Test
    void theVersionIsSemVer() {
        assertTrue(ApiVersion.current().matches("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"), ApiVersion.current());
    }
}
