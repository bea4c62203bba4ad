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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two plugins bundle different copies of one library class (the host has a third): each plugin sees its own copy,
 * runs with its own class loader as context class loader, and neither the other plugin nor the host is affected.
 */
class ClassLoaderSeparationIT {

    private static final String PROBE = LibraryProbe.class.getName();
    private static TestGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        gateway = TestGateway.start();
        Path dropIn = Files.createDirectories(gateway.workDir().resolve("plugins"));
        bundle("alpha", dropIn);
        bundle("beta", dropIn);
        for (String id : new String[] {"alpha", "beta"}) {
            Plugins.await(gateway, e -> id.equals(e.get("id")) && "STARTED".equals(e.get("state")), Duration.ofSeconds(5));
            var doc = Tenants.sandbox(id + "dfsp", java.util.Map.of());
            PluginHotLoadIT.cbs(doc).put("plugin", id);
            assertEquals(201, gateway.admin().put("/admin/tenants/" + id + "-tenant", doc).status());
        }
        assertEquals(201, gateway.admin().put("/admin/tenants/plain", Tenants.standard("plaindfsp")).status());
    }

    private static void bundle(String edition, Path dropIn) {
        String library = """
            package io.coregate.gateway.plugins;
            public final class LibraryProbe {
                public static String edition() {
                    return "%s";
                }
            }
            """.formatted(edition);
        String display = PROBE + ".edition() + (Thread.currentThread().getContextClassLoader() == Factory.class.getClassLoader()"
            + " ? \" under its own loader\" : \" under a foreign loader\")";
        PluginJarBuilder.adapter(edition, "1.0.0", "test." + edition, display).source(PROBE, library)
            .build(dropIn.resolve(edition + ".jar"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void eachPluginSeesItsOwnCopyOfTheLibrary() {
        assertEquals("alpha under its own loader", gateway.sdk().get("/alpha-tenant/parties/MSISDN/1").field("displayName"));
        assertEquals("beta under its own loader", gateway.sdk().get("/beta-tenant/parties/MSISDN/1").field("displayName"));
    }

    @Test
    void hostAndOtherPluginsKeepTheirOwnClasses() {
        assertEquals("host", LibraryProbe.edition());
        var plain = gateway.sdk().get("/plain/parties/MSISDN/260971000001");
        assertEquals(200, plain.status(), plain.body());
        assertEquals("Alice Banda", plain.field("displayName"));
    }
}
