package io.coregate.gateway.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class OpenApiIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static TestGateway gateway;
    private static String apiKey;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
        apiKey = gateway.admin().post("/admin/tenants/bank-a/api-keys", Map.of()).field("apiKey");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void openapiIsAValidDocumentServedWithoutCredentials() {
        var response = gateway.anonymousAdmin().get("/openapi");
        assertEquals(200, response.status());
        OpenApiInteractionValidator.createForInlineApiSpecification(response.body()).build();
    }

    @Test
    void everyDocumentedOperationIsRouted() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) new ObjectMapper(new YAMLFactory())
            .readValue(gateway.anonymousAdmin().get("/openapi").body(), Map.class).get("paths");
        int checked = 0;
        for (var path : paths.entrySet()) {
            String concrete = path.getKey().replace("{tenant}", "bank-a").replaceAll("\\{[^}]+}", "01ARZ3NDEKTSV4RRFFQ69G5FAV");
            boolean dfsp = String.valueOf(path.getValue().get("servers")).contains(":3004");
            Http client = dfsp ? gateway.dfsp().with("X-API-Key", apiKey) : path.getKey().startsWith("/{tenant}") ? gateway.sdk() : gateway.admin();
            for (String method : path.getValue().keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                var answer = client.send(method.toUpperCase(java.util.Locale.ROOT), concrete, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8));
                String code = answer.body().startsWith("{") ? String.valueOf(answer.json().get("statusCode")) : "";
                assertNotEquals("3002", code, method + " " + concrete + " is documented but not routed");
                checked++;
            }
        }
        assertEquals(true, checked > 25, "operations checked: " + checked);
    }
}
