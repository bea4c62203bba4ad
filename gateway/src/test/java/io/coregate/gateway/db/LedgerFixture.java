package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.api.Money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real gateway's database with a ledger and book over it, and fresh tenant ids so tests never share a balance. */
final class LedgerFixture implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();

    final TestGateway gateway;
    final Jdbc jdbc;
    final JdbcLedger ledger;
    final JdbcLiquidityBook book;

    LedgerFixture(TestGateway gateway) {
        this.gateway = gateway;
        this.jdbc = new Jdbc(gateway.dataSource());
        this.ledger = new JdbcLedger(jdbc, balance -> { });
        this.book = new JdbcLiquidityBook(jdbc);
    }

    /** A tenant id no other test uses. */
    static TenantId freshTenant() {
        return new TenantId("t" + NEXT.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff));
    }

    /** A fresh tenant with the given ZMW limit. */
    TenantId tenantWithLimit(String limit) {
        TenantId tenant = freshTenant();
        book.setLimit(tenant, "ZMW", new LimitSettings(new BigDecimal(limit), 10, Optional.empty()), "test");
        return tenant;
    }

    Balance balance(TenantId tenant) {
        return book.balances(tenant).stream().filter(b -> b.currency().equals("ZMW")).findFirst().orElse(Balance.empty(tenant, "ZMW"));
    }

    static Money zmw(String amount) {
        return Money.of(amount, "ZMW");
    }

    @Override
    public void close() {
        gateway.close();
    }
}
