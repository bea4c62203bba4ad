package io.coregate.gateway.http;

import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bootstrap files are bound like admin documents: a typo refuses that one file, the others still load. */
class TenantBootstrapIT {

    private static final String GOOD = """
        dfspId: yamlbank
        currencies: [ZMW]
        cbs:
          plugin: sandbox
          timeoutMillis: 3000
          settings: {accounts: []}
        fees:
          send: {percent: 1.25, min: "1.00"}
        liquidity:
          ZMW: {limit: "500.00", alarmPercent: 20}
        """;

    @Test
    void aValidFileIsCreatedAndAFileWithAnUnknownOrMistypedFieldIsSkipped() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "bootstrap-tenants")), "yaml");
        Files.writeString(dir.resolve("yaml-bank.yaml"), GOOD);
        Files.writeString(dir.resolve("typo-bank.yaml"), GOOD.replace("dfspId: yamlbank", "dfspId: typobank\ncolour: blue"));
        Files.writeString(dir.resolve("type-bank.yml"), GOOD.replace("timeoutMillis: 3000", "timeoutMillis: soon"));
        Files.writeString(dir.resolve("list-bank.yaml"), "- just\n- a list\n");
        try (var gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("tenants.bootstrap-dir", dir.toString()))) {
            var created = gateway.admin().get("/admin/tenants/yaml-bank");
            assertEquals(200, created.status(), created.body());
            @SuppressWarnings("unchecked")
            var document = (Map<String, Object>) created.json().get("document");
            assertEquals(3000, ((Map<?, ?>) document.get("cbs")).get("timeoutMillis"));
            assertEquals(Map.of("percent", "1.25", "min", "1.00"), ((Map<?, ?>) document.get("fees")).get("send"));
            assertTrue(created.body().contains("\"limit\":\"500.00\""), created.body());
            assertEquals("500.00", ((Map<?, ?>) ((java.util.List<?>) gateway.admin().get("/admin/tenants/yaml-bank/liquidity").json()
                .get("liquidity")).getFirst()).get("limit"));
            assertEquals(404, gateway.admin().get("/admin/tenants/typo-bank").status());
            assertEquals(404, gateway.admin().get("/admin/tenants/type-bank").status());
            assertEquals(404, gateway.admin().get("/admin/tenants/list-bank").status());
        }
    }
}
