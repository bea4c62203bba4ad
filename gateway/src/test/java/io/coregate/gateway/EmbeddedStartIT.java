package io.coregate.gateway;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default: no db.url means a real embedded PostgreSQL whose data survives a restart, the bundled
 * plugins, the demo tenants of config/tenants, and a generated owner-only admin token.
 */
class EmbeddedStartIT {

    @Test
    void embeddedDefaultServesTheDemoTenantsAndKeepsDataAcrossRestarts() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "embedded-start")), "run");
        var values = new HashMap<String, String>();
        values.put("server.host", "127.0.0.1");
        values.put("server.port", "0");
        values.put("sdk.port", "0");
        values.put("dfsp.port", "0");
        values.put("db.embedded.data-dir", work.resolve("postgres").toString());
        values.put("admin.token-file", work.resolve("admin-token").toString());
        values.put("plugins.dir", work.resolve("plugins").toString());
        values.put("tenants.bootstrap-dir", Path.of("..", "config", "tenants").toString());

        String token;
        try (Gateway gateway = Main.start(TestGateway.config(values))) {
            Path tokenFile = work.resolve("admin-token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            token = Files.readString(tokenFile).strip();
            var party = get("http://127.0.0.1:" + gateway.sdkPort() + "/demo-bank/parties/MSISDN/260971000001", Map.of());
            assertEquals(200, party.statusCode(), party.body());
            assertTrue(party.body().contains("\"fspId\":\"demobank\""), party.body());
            var changed = Tenants.standard("changedByAdmin");
            var put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.adminPort() + "/admin/tenants/demo-bank"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(changed))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode(), put.body());
        }
        try (Gateway gateway = Main.start(TestGateway.config(values))) {
            assertEquals(token, Files.readString(work.resolve("admin-token")).strip(), "the generated token is reused");
            var tenant = get("http://127.0.0.1:" + gateway.adminPort() + "/admin/tenants/demo-bank", Map.of("Authorization", "Bearer " + token));
            assertTrue(tenant.body().contains("changedByAdmin"), "bootstrap must leave an existing tenant alone: " + tenant.body());
            assertEquals(200, get("http://127.0.0.1:" + gateway.sdkPort() + "/demo-wallet/parties/MSISDN/260961000001", Map.of()).statusCode());
        }
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(builder::header);
        return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
