package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.PluginJarBuilder;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jars copied into the running gateway's plugins directory are picked up, broken ones are listed, removed ones unload. */
class PluginHotLoadIT {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
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

    @Test
    void droppedJarIsListedWithinFiveSecondsAndServesANewTenant() {
        PluginJarBuilder.adapter("dropbank", "1.0.0", "test.dropbank", "\"Drop Bank customer\"").build(dropIn.resolve("dropbank.jar"));
        long start = System.nanoTime();
        var entry = Plugins.await(gateway, e -> "dropbank".equals(e.get("id")) && "STARTED".equals(e.get("state")), FIVE_SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("dropped", entry.get("source"));
        assertEquals(64, entry.get("sha256").toString().length());
        assertTrue(millis < 5_000, "listed after " + millis + " ms");
        var doc = Tenants.sandbox("dropbankdfsp", Map.of());
        cbs(doc).put("plugin", "dropbank");
        assertEquals(201, gateway.admin().put("/admin/tenants/dropper", doc).status());
        var lookup = gateway.sdk().get("/dropper/parties/MSISDN/260971000001");
        assertEquals(200, lookup.status(), lookup.body());
        assertEquals("Drop Bank customer", lookup.field("displayName"));
        assertEquals(List.of("dropper"), Plugins.find(gateway, Plugins.version("dropbank", "1.0.0")).orElseThrow().get("tenants"));
    }

    @Test
    void jarStillBeingCopiedIsLoadedOnlyOnceComplete() throws IOException, InterruptedException {
        Path built = PluginJarBuilder.adapter("slowcopy", "1.0.0", "test.slowcopy", "\"x\"").build(gateway.workDir().resolve("slowcopy.jar"));
        byte[] bytes = Files.readAllBytes(built);
        Path target = dropIn.resolve("slowcopy.jar");
        Files.write(target, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Thread.sleep(400);
        Files.write(target, bytes);
        var entry = Plugins.await(gateway, e -> "slowcopy".equals(e.get("id")), FIVE_SECONDS);
        assertEquals("STARTED", entry.get("state"), entry.toString());
        assertEquals(1, Plugins.list(gateway).stream().filter(e -> e.get("sha256").equals(entry.get("sha256"))).count());
    }

    @Test
    void unusedRemovedJarIsUnloaded() throws IOException {
        Path jar = PluginJarBuilder.adapter("shortlived", "1.0.0", "test.shortlived", "\"x\"").build(dropIn.resolve("shortlived.jar"));
        Plugins.await(gateway, e -> "shortlived".equals(e.get("id")) && "STARTED".equals(e.get("state")), FIVE_SECONDS);
        Files.delete(jar);
        Plugins.awaitGone(gateway, e -> "shortlived".equals(e.get("id")), FIVE_SECONDS);
    }

    @Test
    void overwrittenJarReplacesTheEarlierVersion() throws IOException {
        Path jar = dropIn.resolve("rolling.jar");
        PluginJarBuilder.adapter("rolling", "1.0.0", "test.rolling", "\"first\"").build(jar);
        Plugins.await(gateway, e -> Plugins.version("rolling", "1.0.0").test(e) && "STARTED".equals(e.get("state")), FIVE_SECONDS);
        var doc = Tenants.sandbox("rollingdfsp", Map.of());
        cbs(doc).put("plugin", "rolling");
        assertEquals(201, gateway.admin().put("/admin/tenants/roller", doc).status());
        assertEquals("first", gateway.sdk().get("/roller/parties/MSISDN/1").field("displayName"));

        Path next = PluginJarBuilder.adapter("rolling", "1.0.1", "test.rolling", "\"second\"").build(gateway.workDir().resolve("next.jar"));
        Files.write(jar, Files.readAllBytes(next));
        Plugins.await(gateway, e -> Plugins.version("rolling", "1.0.1").test(e) && List.of("roller").equals(e.get("tenants")), FIVE_SECONDS);
        Plugins.awaitGone(gateway, Plugins.version("rolling", "1.0.0"), FIVE_SECONDS);
        assertEquals("second", gateway.sdk().get("/roller/parties/MSISDN/1").field("displayName"));
    }

    @Test
    void brokenJarsOfEachKindAreListedWithTheirReasonAndTheGatewayKeepsServing() throws IOException {
        PluginJarBuilder.adapter("nomanifestid", "1.0.0", "test.nomanifestid", "\"x\"").manifest("Plugin-Id", null)
            .build(dropIn.resolve("bad-manifest.jar"));
        PluginJarBuilder.plugin("missingclass", "1.0.0")
            .source("test.missingclass.Base", "package test.missingclass; public abstract class Base {}")
            .source("test.missingclass.Factory", """
                package test.missingclass;
                @org.pf4j.Extension
                public final class Factory extends Base implements io.coregate.plugin.api.CoreBankingAdapterFactory {
                    @Override
                    public io.coregate.plugin.api.CoreBankingAdapter create(io.coregate.plugin.api.AdapterContext context) {
                        throw new IllegalStateException("never");
                    }
                }
                """)
            .extension("test.missingclass.Factory").omit("test.missingclass.Base").build(dropIn.resolve("missing-classes.jar"));
        PluginJarBuilder.adapter("failstart", "1.0.0", "test.failstart", "\"x\"")
            .source("test.failstart.Boom", """
                package test.failstart;
                public final class Boom extends org.pf4j.Plugin {
                    @Override
                    public void start() {
                        throw new IllegalStateException("cannot reach the bank's licence server");
                    }
                }
                """)
            .manifest("Plugin-Class", "test.failstart.Boom").build(dropIn.resolve("failing-start.jar"));
        PluginJarBuilder.adapter("future", "1.0.0", "test.future", "\"x\"").manifest("Plugin-Requires", ">=9.0.0")
            .build(dropIn.resolve("requires-newer.jar"));
        PluginJarBuilder.adapter("noindex", "1.0.0", "test.noindex", "\"x\"").withoutIndex().build(dropIn.resolve("no-index.jar"));
        Files.writeString(dropIn.resolve("not-a-jar.jar"), "this is a text file, not a zip archive");
        Files.copy(PluginJarBuilder.sandboxJar(), dropIn.resolve("sandbox-copy.jar"));

        var badManifest = awaitFailed("bad-manifest.jar");
        assertTrue(reason(badManifest).contains("cannot load"), badManifest.toString());
        var missing = awaitFailed("missingclass");
        assertTrue(reason(missing).contains("cannot be loaded") && reason(missing).contains("test/missingclass/Base"), missing.toString());
        var failing = awaitFailed("failstart");
        assertTrue(reason(failing).contains("start failed") && reason(failing).contains("licence server"), failing.toString());
        var requires = awaitFailed("future");
        assertTrue(reason(requires).contains("Plugin-Requires >=9.0.0"), requires.toString());
        var noIndex = awaitFailed("noindex");
        assertTrue(reason(noIndex).contains("extensions.idx"), noIndex.toString());
        var notAJar = awaitFailed("not-a-jar.jar");
        assertTrue(reason(notAJar).contains("not a jar"), notAJar.toString());
        var duplicate = Plugins.await(gateway, e -> "sandbox".equals(e.get("id")) && "dropped".equals(e.get("source")), FIVE_SECONDS);
        assertEquals("FAILED", duplicate.get("state"));
        assertTrue(reason(duplicate).contains("duplicate"), duplicate.toString());

        var bundled = Plugins.find(gateway, e -> "sandbox".equals(e.get("id")) && "bundled".equals(e.get("source"))).orElseThrow();
        assertEquals("STARTED", bundled.get("state"));
        assertEquals(201, gateway.admin().put("/admin/tenants/steady", Tenants.standard("steadybank")).status());
        assertEquals(200, gateway.sdk().get("/steady/parties/MSISDN/260971000001").status());
        assertEquals(200, gateway.anonymousAdmin().get("/observe/health/ready").status());
    }

    private static Map<String, Object> awaitFailed(String id) {
        var entry = Plugins.await(gateway, e -> id.equals(e.get("id")), FIVE_SECONDS);
        assertEquals("FAILED", entry.get("state"), entry.toString());
        return entry;
    }

    private static String reason(Map<String, Object> entry) {
        return String.valueOf(entry.get("reason"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cbs(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("cbs");
    }
}
