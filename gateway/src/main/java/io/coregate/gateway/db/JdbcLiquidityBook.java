package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Adjustment;
import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.Discrepancy;
import io.coregate.gateway.domain.ledger.JournalEntry;
import io.coregate.gateway.domain.ledger.LedgerResult;
import io.coregate.gateway.domain.ledger.LedgerRules;
import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.domain.ledger.LiquidityBook;
import io.coregate.gateway.domain.ledger.LiquiditySettings;
import io.coregate.gateway.domain.ledger.Operation;
import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Balances, limits, adjustments and the journal in PostgreSQL. Balances are read as the sums of their stripe rows
 * ({@link Stripes}). Every write locks all of a balance's stripes in order, collects their headroom into stripe 0,
 * changes stripe 0, appends the journal entry and the audit entry, and closes or opens the other stripes, all in one
 * transaction. Thread-safe.
 */
public final class JdbcLiquidityBook implements LiquidityBook, LiquiditySettings {

    private final Jdbc jdbc;

    public JdbcLiquidityBook(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Balance> balances(TenantId tenant) {
        return jdbc.read("read liquidity", c -> {
            try (var select = c.prepareStatement(
                    "SELECT " + LedgerRows.TOTALS + " FROM liquidity_positions WHERE tenant_id = ?" + LedgerRows.GROUP + " ORDER BY currency")) {
                select.setString(1, tenant.value());
                return list(select.executeQuery());
            }
        });
    }

    @Override
    public List<Balance> allBalances() {
        return jdbc.read("read all liquidity", c -> {
            try (var select = c.prepareStatement(
                    "SELECT " + LedgerRows.TOTALS + " FROM liquidity_positions" + LedgerRows.GROUP + " ORDER BY tenant_id, currency")) {
                return list(select.executeQuery());
            }
        });
    }

    @Override
    public LedgerResult setLimit(TenantId tenant, String currency, LimitSettings settings, String actor) {
        return jdbc.inTransaction("set liquidity limit", c -> set(c, tenant, currency, settings, settings.maxPerTransfer(), actor, "admin-api"));
    }

    @Override
    public void apply(TenantId tenant, List<String> currencies, Map<String, LimitSettings> changed, String actor) {
        jdbc.inTransaction("apply tenant liquidity", c -> {
            // Sorted: every multi-row writer locks balance rows in key order.
            for (String currency : currencies.stream().sorted().toList()) {
                Balance before = Stripes.lockForChange(c, tenant, currency, actor).total();
                LimitSettings settings = changed.get(currency);
                if (settings != null) {
                    set(c, tenant, currency, settings, before.maxPerTransfer(), actor, "tenant-document");
                }
            }
            return null;
        });
    }

    private static LedgerResult set(Connection c, TenantId tenant, String currency, LimitSettings settings, Optional<BigDecimal> max,
                                    String actor, String source) throws SQLException {
        Stripes.Held held = Stripes.lockForChange(c, tenant, currency, actor);
        Balance before = held.total();
        // The other stripes keep their limits (no headroom after lockForChange); stripe 0 takes the rest of the new limit.
        BigDecimal others = before.limit().subtract(held.zero().limit());
        try (var update = c.prepareStatement("UPDATE liquidity_positions SET liquidity_limit = CASE WHEN stripe = 0 THEN ?"
                + " ELSE liquidity_limit END, alarm_percent = ?, max_per_transfer = ?, updated_at = now() WHERE tenant_id = ? AND currency = ?")) {
            update.setBigDecimal(1, others.signum() == 0 ? settings.limit() : settings.limit().subtract(others));
            update.setInt(2, settings.alarmPercent());
            update.setBigDecimal(3, max.orElse(null));
            update.setString(4, tenant.value());
            update.setString(5, currency);
            update.executeUpdate();
        }
        Balance zeroAfter = LedgerRows.lockZero(c, tenant, currency);
        LedgerRows.journal(c, Operation.SET_LIMIT, source, settings.limit(), held.zero(), zeroAfter, actor);
        Balance after = LedgerRows.read(c, tenant, currency).orElseThrow();
        Stripes.seal(c, after);
        var detail = new LimitAudit(currency, source, before.limit().toPlainString(), after.limit().toPlainString(), after.alarmPercent(),
            after.maxPerTransfer().map(BigDecimal::toPlainString));
        AuditWriter.append(c, new AuditEntry(tenant.value(), actor, "liquidity.limit", detail));
        return new LedgerResult(Operation.SET_LIMIT, source, true, "limit set", after);
    }

    @Override
    public LedgerResult adjust(TenantId tenant, String currency, Adjustment adjustment, String actor) {
        BigDecimal amount = LedgerRules.positive("amount", adjustment.amount());
        String reference = LedgerRules.reference("reference", adjustment.reference());
        Operation operation = adjustment.type().operation();
        return jdbc.inTransaction("adjust liquidity", c -> {
            Balance before = Stripes.lockForChange(c, tenant, currency, actor).total();
            try (var select = c.prepareStatement("SELECT operation, amount FROM liquidity_journal WHERE tenant_id = ? AND currency = ?"
                    + " AND reference = ? AND operation IN ('FUNDS_IN', 'FUNDS_OUT', 'SETTLEMENT')")) {
                select.setString(1, tenant.value());
                select.setString(2, currency);
                select.setString(3, reference);
                try (var rows = select.executeQuery()) {
                    if (rows.next()) {
                        if (!rows.getString("operation").equals(operation.name()) || rows.getBigDecimal("amount").compareTo(amount) != 0) {
                            throw LedgerRules.modified("adjustment", reference);
                        }
                        return new LedgerResult(operation, reference, false, "already applied", before);
                    }
                }
            }
            if (operation == Operation.FUNDS_OUT && before.available().compareTo(amount) < 0) {
                throw LedgerRules.fundsOutTooLarge(before, amount);
            }
            BigDecimal limit = operation == Operation.FUNDS_IN ? amount : amount.negate();
            BigDecimal position = operation == Operation.SETTLEMENT ? amount.negate() : BigDecimal.ZERO;
            LedgerRows.moveAndJournal(c, tenant, currency, 0, new LedgerRows.Delta(limit, position, BigDecimal.ZERO),
                operation, reference, amount, actor).orElseThrow();
            Balance after = LedgerRows.read(c, tenant, currency).orElseThrow();
            Stripes.seal(c, after);
            var detail = new AdjustmentAudit(currency, operation.name(), amount.toPlainString(), reference, after.limit().toPlainString(),
                after.position().toPlainString());
            AuditWriter.append(c, new AuditEntry(tenant.value(), actor, "liquidity.adjustment", detail));
            return new LedgerResult(operation, reference, true, "applied", after);
        });
    }

    @Override
    public List<JournalEntry> journal(TenantId tenant, String currency, int limit) {
        return jdbc.read("read liquidity journal", c -> {
            try (var select = c.prepareStatement("SELECT id, at, currency, operation, reference, amount, limit_before, limit_after,"
                    + " position_before, position_after, reserved_before, reserved_after, actor, stripe FROM liquidity_journal"
                    + " WHERE tenant_id = ? AND currency = ? ORDER BY id DESC LIMIT ?")) {
                select.setString(1, tenant.value());
                select.setString(2, currency);
                select.setInt(3, limit);
                var result = new ArrayList<JournalEntry>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        result.add(LedgerRows.entry(rows));
                    }
                }
                return result;
            }
        });
    }

    @Override
    public List<Discrepancy> check() {
        return jdbc.read("check liquidity", LedgerCheck::run);
    }

    private static List<Balance> list(ResultSet rows) throws SQLException {
        try (rows) {
            var result = new ArrayList<Balance>();
            while (rows.next()) {
                result.add(LedgerRows.balance(rows));
            }
            return result;
        }
    }

    /** The audit detail of a limit change. */
    record LimitAudit(String currency, String source, String limitBefore, String limit, int alarmPercent,
                      Optional<String> maxPerTransfer) {
    }

    /** The audit detail of an adjustment. */
    record AdjustmentAudit(String currency, String type, String amount, String reference, String limit, String position) {
    }
}
