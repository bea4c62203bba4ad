package io.coregate.gateway.db;

import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway on a current PostgreSQL in a container; skipped cleanly where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresIT {

    @Container
    private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    @Test
    void gatewayMigratesAndServesOnAContainerisedPostgres() {
        var schema = new TestDatabase.Schema(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword(), "coregate");
        try (var gateway = TestGateway.start(schema, Map.of())) {
            assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
            assertEquals(200, gateway.sdk().get("/bank-a/parties/MSISDN/260971000001").status());
        }
    }
}
