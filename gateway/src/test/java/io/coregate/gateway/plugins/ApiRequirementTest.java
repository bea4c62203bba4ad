package io.coregate.gateway.plugins;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which manifests fit plugin API 2.0.0, and the reason given for each that does not. */
class ApiRequirementTest {

    private final ApiRequirement api = new ApiRequirement("2.0.0");

    @Test
    void rangesContainingTheImplementedVersionFit() {
        assertEquals(Optional.empty(), api.problem("1.0.0", ">=2.0.0 & <3.0.0"));
        assertEquals(Optional.empty(), api.problem("0.1.0-rc.1+build.7", ">=2.0.0"));
        assertEquals(Optional.empty(), api.problem("3.2.1", ">=1.5.0 & <2.1.0"));
        assertEquals(Optional.empty(), api.problem("1.0.0", ">=2.0 & <3"), "PF4J's ranges may shorten versions");
        assertEquals(">=2.0.0 & <3.0.0", api.example());
    }

    @Test
    void aMissingRequiresIsRefusedWithAnExampleRange() {
        for (String missing : new String[] {null, "", " ", "*"}) {
            String reason = api.problem("1.0.0", missing).orElseThrow();
            assertTrue(reason.startsWith("Plugin-Requires is missing") && reason.contains("'>=2.0.0 & <3.0.0'"), reason);
        }
    }

    @Test
    void aRequiresThatIsNotASemVerRangeIsRefused() {
        for (String bad : new String[] {"two", "2.0.0 to 3.0.0", ">=x.y.z"}) {
            String reason = api.problem("1.0.0", bad).orElseThrow(() -> new AssertionError(bad + " was accepted"));
            assertEquals("Plugin-Requires '" + bad + "' is not a SemVer range such as '>=2.0.0 & <3.0.0'", reason);
        }
    }

    @Test
    void aRangeWithoutTheImplementedVersionIsRefusedNamingIt() {
        assertEquals(Optional.of("Plugin-Requires >=1.0.0 & <2.0.0 is not met: this gateway implements plugin API 2.0.0"),
            api.problem("1.0.0", ">=1.0.0 & <2.0.0"));
        assertEquals(Optional.of("Plugin-Requires >=3.0.0 is not met: this gateway implements plugin API 2.0.0"),
            api.problem("1.0.0", ">=3.0.0"));
        assertTrue(api.problem("1.0.0", "<2.0.0").isPresent());
    }

    @Test
    void aPluginVersionThatIsNotSemVerIsRefused() {
        for (String bad : new String[] {"1.0", "1", "v1.0.0", "01.0.0", "1.0.0.0", "latest"}) {
            assertEquals(Optional.of("Plugin-Version '" + bad + "' is not SemVer: write MAJOR.MINOR.PATCH, such as 1.0.0"),
                api.problem(bad, ">=2.0.0 & <3.0.0"));
        }
    }

    @Test
    void theHostsOwnVersionMustBeSemVer() {
        assertThrows(IllegalArgumentException.class, () -> new ApiRequirement("2.0"));
    }
}
