package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.PluginJarBuilder;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two versions of one plugin serve two tenants at once; a tenant moves alone when its document changes; a removed
 * version keeps serving its tenant and its running calls, and unloads once unused and drained.
 */
class PluginVersionsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestGateway gateway;
    private static Path dropIn;

    @BeforeAll
    static void start() throws IOException {
        gateway = TestGateway.start();
        dropIn = Files.createDirectories(gateway.workDir().resolve("plugins"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static void dropSandboxAs(String id, String version) {
        PluginJarBuilder.repackage(PluginJarBuilder.sandboxJar(), dropIn.resolve(id + "-" + version + ".jar"),
            Map.of("Plugin-Id", id, "Plugin-Version", version));
        Plugins.await(gateway, e -> Plugins.version(id, version).test(e) && "STARTED".equals(e.get("state")), WAIT);
    }

    private static Map<String, Object> tenant(String plugin, String versionExpression, Map<String, Object> extraSettings) {
        var settings = new HashMap<String, Object>(Map.of("accounts", Tenants.standardAccounts()));
        settings.putAll(extraSettings);
        var doc = Tenants.sandbox("dfsp" + versionExpression.hashCode(), settings);
        PluginHotLoadIT.cbs(doc).put("plugin", plugin);
        PluginHotLoadIT.cbs(doc).put("pluginVersion", versionExpression);
        PluginHotLoadIT.cbs(doc).put("timeoutMillis", 5000);
        return doc;
    }

    private static Map<String, String> servedBy() {
        return gateway.adapters().assignments().entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().value(), e -> e.getValue().id() + " " + e.getValue().version()));
    }

    private static void lookup(String tenant) {
        Http.Response response = gateway.sdk().get("/" + tenant + "/parties/MSISDN/260971000001");
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void twoVersionsServeTwoTenantsThenOneMovesAndTheOldVersionUnloads() throws IOException {
        dropSandboxAs("twinbank", "1.0.0");
        dropSandboxAs("twinbank", "1.1.0");
        assertEquals(201, gateway.admin().put("/admin/tenants/tenant-a", tenant("twinbank", "<1.1.0", Map.of())).status());
        assertEquals(201, gateway.admin().put("/admin/tenants/tenant-b", tenant("twinbank", ">=1.1.0", Map.of())).status());
        lookup("tenant-a");
        lookup("tenant-b");
        assertEquals("twinbank 1.0.0", servedBy().get("tenant-a"));
        assertEquals("twinbank 1.1.0", servedBy().get("tenant-b"));
        assertEquals(List.of("tenant-a"), Plugins.find(gateway, Plugins.version("twinbank", "1.0.0")).orElseThrow().get("tenants"));
        assertEquals(List.of("tenant-b"), Plugins.find(gateway, Plugins.version("twinbank", "1.1.0")).orElseThrow().get("tenants"));

        Files.delete(dropIn.resolve("twinbank-1.0.0.jar"));
        var retiring = Plugins.await(gateway, e -> Plugins.version("twinbank", "1.0.0").test(e) && "RETIRING".equals(e.get("state")), WAIT);
        assertEquals(List.of("tenant-a"), retiring.get("tenants"));
        lookup("tenant-a");
        assertEquals("twinbank 1.0.0", servedBy().get("tenant-a"), "a tenant pinned to a removed version keeps it until it moves");

        assertEquals(200, gateway.admin().put("/admin/tenants/tenant-a", tenant("twinbank", ">=1.0.0", Map.of())).status());
        lookup("tenant-a");
        assertEquals("twinbank 1.1.0", servedBy().get("tenant-a"));
        assertEquals("twinbank 1.1.0", servedBy().get("tenant-b"));
        Plugins.awaitGone(gateway, Plugins.version("twinbank", "1.0.0"), WAIT);
        assertEquals(List.of("tenant-a", "tenant-b"), Plugins.find(gateway, Plugins.version("twinbank", "1.1.0")).orElseThrow().get("tenants"));
    }

    @Test
    void removedVersionUnloadsOnlyAfterItsRunningCallsDrained() throws IOException {
        dropSandboxAs("drainbank", "1.0.0");
        dropSandboxAs("drainbank", "2.0.0");
        assertEquals(201, gateway.admin().put("/admin/tenants/slow-c", tenant("drainbank", "<2.0.0", Map.of("latencyMillis", 3000))).status());
        var running = CompletableFuture.supplyAsync(() -> gateway.sdk().get("/slow-c/parties/MSISDN/260971000001"));
        int started = Poll.last(WAIT, () -> inFlight("drainbank", "1.0.0"), n -> n > 0);
        assertTrue(started > 0, "the slow call never started");
        Files.delete(dropIn.resolve("drainbank-1.0.0.jar"));
        assertEquals(200, gateway.admin().put("/admin/tenants/slow-c", tenant("drainbank", ">=2.0.0", Map.of())).status());
        var draining = Plugins.await(gateway, e -> Plugins.version("drainbank", "1.0.0").test(e) && "RETIRING".equals(e.get("state"))
            && ((List<?>) e.get("tenants")).isEmpty(), WAIT);
        assertEquals("RETIRING", draining.get("state"), "no tenant uses it, but a call still runs in it");
        assertEquals(200, running.join().status(), "the running call finished in the old version");
        Plugins.awaitGone(gateway, Plugins.version("drainbank", "1.0.0"), WAIT);
        lookup("slow-c");
        assertEquals("drainbank 2.0.0", servedBy().get("slow-c"));
    }

    private static int inFlight(String id, String version) {
        return gateway.plugins().plugins().stream()
            .filter(p -> p.id().equals(id) && p.version().equals(version))
            .mapToInt(p -> p.runtime().map(r -> r.calls().current()).orElse(0)).sum();
    }
}
