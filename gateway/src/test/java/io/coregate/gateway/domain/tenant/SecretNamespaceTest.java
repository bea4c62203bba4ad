package io.coregate.gateway.domain.tenant;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretNamespaceTest {

    private static final SecretNamespace NAMESPACE = new SecretNamespace(Path.of("/etc/coregate/tenant-secrets"));
    private static final TenantId DFSPA = new TenantId("dfspa");
    private static final TenantId BANK = new TenantId("bank");
    private static final TenantId BANK_A = new TenantId("bank-a");
    private static final List<TenantId> HOSTED = List.of(DFSPA, BANK, BANK_A);

    @Test
    void theDocumentedReferencesAreTheTenantsOwn() {
        assertEquals(Optional.empty(), NAMESPACE.problem(DFSPA, "env:DFSPA_T24_PASSWORD", HOSTED), "DESIGN.md's tenant document");
        assertEquals(Optional.empty(), NAMESPACE.problem(DFSPA, "file:/etc/coregate/tenant-secrets/dfspa-t24-password", HOSTED),
            "the Helm chart's example");
        assertEquals(Optional.empty(), NAMESPACE.problem(DFSPA, "file:/etc/coregate/tenant-secrets/dfspa/t24/password", HOSTED));
        assertEquals(Optional.empty(), NAMESPACE.problem(BANK_A, "env:BANK_A_PASSWORD", List.of()), "a tenant not yet hosted");
    }

    @Test
    void gatewayVariablesAndOtherTenantsNamesAreRefused() {
        for (String reference : List.of("env:DB_PASSWORD", "env:ADMIN_TOKEN", "env:TLS_KEY_FILE", "env:PATH", "env:DFSPB_PASSWORD",
            "file:/etc/passwd", "file:/etc/coregate/tenant-secrets/../secret/db-password", "file:/etc/coregate/tenant-secrets",
            "file:/etc/coregate/tenant-secrets/dfspb-key", "file:/etc/coregate/tenant-secrets/dfspa", "file:relative/dfspa-key")) {
            Optional<String> problem = NAMESPACE.problem(DFSPA, reference, HOSTED);
            assertTrue(problem.isPresent(), reference);
            assertTrue(problem.get().contains("DFSPA_") || problem.get().contains("dfspa-<name>"), problem.get());
        }
    }

    @Test
    void aNameBelongsToTheLongestTenantIdItStartsWith() {
        assertTrue(NAMESPACE.problem(BANK, "env:BANK_A_PASSWORD", HOSTED).orElseThrow().contains("tenant bank-a's namespace"));
        assertTrue(NAMESPACE.problem(BANK, "file:/etc/coregate/tenant-secrets/bank-a-key", HOSTED).orElseThrow()
            .contains("tenant bank-a's namespace"));
        assertEquals(Optional.empty(), NAMESPACE.problem(BANK, "env:BANK_PASSWORD", HOSTED));
        assertEquals(Optional.empty(), NAMESPACE.problem(BANK_A, "env:BANK_A_PASSWORD", HOSTED));
        assertEquals(Optional.empty(), NAMESPACE.problem(BANK, "env:BANK_A_PASSWORD", List.of(BANK)), "while bank-a is not hosted");
    }

    @Test
    void aTenantCalledLikeAGatewayVariableStillCannotReachIt() {
        var db = new TenantId("db");
        assertTrue(NAMESPACE.problem(db, "env:DB_PASSWORD", List.of(db)).orElseThrow().contains("gateway's own variables"));
    }
}
