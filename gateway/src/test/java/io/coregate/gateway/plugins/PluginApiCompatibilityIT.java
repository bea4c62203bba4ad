package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.PluginJarBuilder;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.api.ApiVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real plugin jars dropped into a running gateway, built for this plugin API, for another one, or declaring no or a
 * malformed {@code Plugin-Requires}: only the first starts; the others are listed {@code FAILED} with their reason by
 * {@code GET /admin/plugins} and no tenant can be bound to them.
 */
class PluginApiCompatibilityIT {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Path jar(String id) {
        return Plugins.dropIn(gateway).resolve(id + ".jar");
    }

    @Test
    void theHostImplementsPluginApi2AndTheBundledSandboxDeclaresIt() {
        assertEquals("2.1.0", ApiVersion.current());
        var sandbox = Plugins.find(gateway, e -> "sandbox".equals(e.get("id")) && "bundled".equals(e.get("source"))).orElseThrow();
        assertEquals("STARTED", sandbox.get("state"), sandbox.toString());
    }

    @Test
    void aPluginBuiltForThisApiStartsAndServesATenant() {
        PluginJarBuilder.adapter("apitwo", "1.4.0", "test.apitwo", "\"API two customer\"").manifest("Plugin-Requires", ">=2.0.0 & <3.0.0")
            .build(jar("apitwo"));
        var entry = Plugins.await(gateway, e -> "apitwo".equals(e.get("id")), WITHIN);
        assertEquals("STARTED", entry.get("state"), entry.toString());
        assertEquals(201, gateway.admin().put("/admin/tenants/apitwo-t", tenantOn("apitwo")).status());
        var lookup = gateway.sdk().get("/apitwo-t/parties/MSISDN/260971000001");
        assertEquals(200, lookup.status(), lookup.body());
        assertEquals("API two customer", lookup.field("displayName"));
    }

    @Test
    void aPluginForAnotherApiOrWithoutAValidRequiresIsListedFailedWithItsReasonAndNeverBound() {
        refused("apimissing", "1.0.0", null, "Plugin-Requires is missing: declare the plugin API range the plugin was built for, "
            + "e.g. '>=2.0.0 & <3.0.0' (this gateway implements plugin API 2.1.0)");
        refused("apistar", "1.0.0", "*", "Plugin-Requires is missing");
        refused("apigarbled", "1.0.0", "two or newer", "Plugin-Requires 'two or newer' is not a SemVer range such as '>=2.0.0 & <3.0.0'");
        refused("apione", "1.0.0", ">=1.0.0 & <2.0.0",
            "Plugin-Requires >=1.0.0 & <2.0.0 is not met: this gateway implements plugin API 2.1.0");
        refused("apithree", "1.0.0", ">=3.0.0 & <4.0.0",
            "Plugin-Requires >=3.0.0 & <4.0.0 is not met: this gateway implements plugin API 2.1.0");
        refused("apishortversion", "1.0", ">=2.0.0 & <3.0.0", "Plugin-Version '1.0' is not SemVer: write MAJOR.MINOR.PATCH, such as 1.0.0");
        assertEquals(200, gateway.anonymousAdmin().get("/observe/health/ready").status());
    }

    /** Drops the jar, waits for its listing, checks the reason, and that a tenant document naming it is refused with 400. */
    private static void refused(String id, String version, String requires, String reason) {
        PluginJarBuilder.adapter(id, version, "test." + id, "\"x\"").manifest("Plugin-Requires", requires).build(jar(id));
        var entry = Plugins.await(gateway, e -> id.equals(e.get("id")), WITHIN);
        assertEquals("FAILED", entry.get("state"), entry.toString());
        assertEquals(version, entry.get("version"), entry.toString());
        assertTrue(String.valueOf(entry.get("reason")).startsWith(reason), entry.toString());
        assertEquals(List.of(), entry.get("tenants"), entry.toString());

        var put = gateway.admin().put("/admin/tenants/" + id + "-t", tenantOn(id));
        assertEquals(400, put.status(), put.body());
        assertTrue(put.body().contains("cbs.plugin") && put.body().contains("refused: " + version + " FAILED: " + reason), put.body());
        assertEquals(404, gateway.sdk().get("/" + id + "-t/parties/MSISDN/260971000001").status());
    }

    private static Map<String, Object> tenantOn(String pluginId) {
        var doc = Tenants.sandbox(pluginId + "dfsp", Map.of());
        PluginHotLoadIT.cbs(doc).put("plugin", pluginId);
        return doc;
    }
}
