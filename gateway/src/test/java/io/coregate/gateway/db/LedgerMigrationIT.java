package io.coregate.gateway.db;

import io.coregate.gateway.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upgrading a database whose tenants predate the ledger gives them the limits their documents name. */
class LedgerMigrationIT {

    private static Flyway flyway(TestDatabase.Schema schema, String target) {
        return Flyway.configure().dataSource(schema.url(), schema.user(), schema.password()).schemas(schema.schema())
            .defaultSchema(schema.schema()).createSchemas(true).locations("classpath:db/migration").target(target).load();
    }

    @Test
    void tenantsOnboardedBeforeTheLedgerGetTheirDocumentLimits() throws Exception {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        flyway(schema, "1").migrate();
        try (var c = schema.connect(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tenants (tenant_id, document) VALUES "
                + "('old-bank', '{\"dfspId\":\"old\",\"liquidity\":{\"ZMW\":{\"limit\":\"1000000.00\",\"alarmPercent\":20}}}'),"
                + "('bare-bank', '{\"dfspId\":\"bare\"}')");
        }
        flyway(schema, "latest").migrate();
        try (var c = schema.connect(); var s = c.createStatement();
             var rows = s.executeQuery("SELECT tenant_id, currency, liquidity_limit, alarm_percent FROM liquidity_positions")) {
            assertTrue(rows.next());
            assertEquals("old-bank", rows.getString(1));
            assertEquals("ZMW", rows.getString(2));
            assertEquals(0, new BigDecimal("1000000.00").compareTo(rows.getBigDecimal(3)));
            assertEquals(20, rows.getInt(4));
            assertTrue(!rows.next(), "a tenant without liquidity gets no row (limit 0)");
        }
        try (var c = schema.connect()) {
            assertTrue(LedgerCheck.run(c).isEmpty(), "the seeded limits are journaled");
        }
    }
}
