package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Discrepancy;
import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes every balance (summed over its stripe rows) in one consistent snapshot: limit, position and reserved as the
 * sums of the journal's (after - before) from zero, reserved again as the sum of pending reservations (also per stripe),
 * the journal's chain (each entry's "before" equals the previous entry's "after" of the same stripe), and that no stripe
 * above 0 has negative headroom. Stateless.
 */
final class LedgerCheck {

    private static final String SQL = """
        WITH sums AS (
            SELECT tenant_id, currency, sum(limit_after - limit_before) AS l, sum(position_after - position_before) AS p,
                   sum(reserved_after - reserved_before) AS r
              FROM liquidity_journal GROUP BY tenant_id, currency),
        balances AS (
            SELECT tenant_id, currency, sum(liquidity_limit) AS liquidity_limit, sum(position) AS position, sum(reserved) AS reserved
              FROM liquidity_positions GROUP BY tenant_id, currency),
        stripes AS (
            SELECT p.tenant_id, p.currency,
                   count(*) FILTER (WHERE p.reserved <> coalesce(r.amount, 0)) AS unmatched,
                   count(*) FILTER (WHERE p.stripe > 0 AND p.liquidity_limit - p.position - p.reserved < 0) AS below
              FROM liquidity_positions p
              LEFT JOIN (SELECT tenant_id, currency, stripe, sum(amount) AS amount FROM liquidity_reservations
                          WHERE state = 'PENDING' GROUP BY tenant_id, currency, stripe) r USING (tenant_id, currency, stripe)
             GROUP BY p.tenant_id, p.currency),
        pending AS (
            SELECT tenant_id, currency, sum(amount) AS amount
              FROM liquidity_reservations WHERE state = 'PENDING' GROUP BY tenant_id, currency),
        chain AS (
            SELECT tenant_id, currency, count(*) AS breaks FROM (
                SELECT tenant_id, currency, limit_before, position_before, reserved_before,
                       lag(limit_after) OVER w AS la, lag(position_after) OVER w AS pa, lag(reserved_after) OVER w AS ra
                  FROM liquidity_journal WINDOW w AS (PARTITION BY tenant_id, currency, stripe ORDER BY id)) entries
             WHERE la IS NOT NULL AND (la <> limit_before OR pa <> position_before OR ra <> reserved_before)
             GROUP BY tenant_id, currency)
        SELECT b.tenant_id, b.currency, b.liquidity_limit, b.position, b.reserved,
               coalesce(s.l, 0) AS journal_limit, coalesce(s.p, 0) AS journal_position, coalesce(s.r, 0) AS journal_reserved,
               coalesce(q.amount, 0) AS pending, coalesce(c.breaks, 0) AS chain_breaks, t.unmatched, t.below
          FROM balances b
          JOIN stripes t USING (tenant_id, currency)
          LEFT JOIN sums s USING (tenant_id, currency)
          LEFT JOIN pending q USING (tenant_id, currency)
          LEFT JOIN chain c USING (tenant_id, currency)
         ORDER BY b.tenant_id, b.currency""";

    private LedgerCheck() {
    }

    static List<Discrepancy> run(Connection connection) throws SQLException {
        var result = new ArrayList<Discrepancy>();
        try (var statement = connection.prepareStatement(SQL); var rows = statement.executeQuery()) {
            while (rows.next()) {
                var tenant = new TenantId(rows.getString("tenant_id"));
                String currency = rows.getString("currency");
                BigDecimal reserved = rows.getBigDecimal("reserved");
                compare(result, tenant, currency, "limit", rows.getBigDecimal("liquidity_limit"), rows.getBigDecimal("journal_limit"));
                compare(result, tenant, currency, "position", rows.getBigDecimal("position"), rows.getBigDecimal("journal_position"));
                compare(result, tenant, currency, "reserved", reserved, rows.getBigDecimal("journal_reserved"));
                compare(result, tenant, currency, "pendingReservations", reserved, rows.getBigDecimal("pending"));
                compare(result, tenant, currency, "journalChainBreaks", BigDecimal.ZERO, rows.getBigDecimal("chain_breaks"));
                compare(result, tenant, currency, "stripesReservedNotPending", BigDecimal.ZERO, rows.getBigDecimal("unmatched"));
                compare(result, tenant, currency, "stripesBelowZero", BigDecimal.ZERO, rows.getBigDecimal("below"));
            }
        }
        return result;
    }

    private static void compare(List<Discrepancy> result, TenantId tenant, String currency, String figure, BigDecimal stored,
                                BigDecimal recomputed) {
        if (stored.compareTo(recomputed) != 0) {
            result.add(new Discrepancy(tenant, currency, figure, stored, recomputed));
        }
    }
}
