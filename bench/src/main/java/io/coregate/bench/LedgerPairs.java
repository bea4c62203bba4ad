package io.coregate.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcLedger;
import io.coregate.gateway.db.JdbcLiquidityBook;
import io.coregate.gateway.domain.ledger.LedgerResult;
import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ledger-only reserve + post pairs, each its own transaction as in the payer flow. The ledger has no HTTP route of its
 * own, so this runs the gateway's {@link JdbcLedger} in the load process against the gateway's database, with a pool of
 * its own sized like the gateway's (16). Over many accounts (one tenant each) and on one hot account.
 */
final class LedgerPairs implements AutoCloseable {

    static final int CALLS = 2;
    private static final Instant LATER = Instant.now().plusSeconds(86_400);

    private final HikariDataSource dataSource;
    private final JdbcLedger ledger;
    private final JdbcLiquidityBook book;

    LedgerPairs(String jdbcUrl) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        config.setPoolName("bench-ledger");
        this.dataSource = new HikariDataSource(config);
        var jdbc = new Jdbc(dataSource);
        this.ledger = new JdbcLedger(jdbc, balance -> { });
        this.book = new JdbcLiquidityBook(jdbc);
    }

    /** Gives {@code count} accounts {@code prefix-i} a limit no run reaches. */
    List<TenantId> accounts(String prefix, int count) {
        var result = new ArrayList<TenantId>();
        for (int i = 0; i < count; i++) {
            var tenant = new TenantId(prefix + "-" + i);
            book.setLimit(tenant, "ZMW", new LimitSettings(new BigDecimal("1000000000000"), 10, Optional.empty()), "bench");
            result.add(tenant);
        }
        return result;
    }

    /** One pair on a random account of {@code accounts}. */
    boolean pair(List<TenantId> accounts, String reference, Samples samples) throws Exception {
        TenantId tenant = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
        LedgerResult reserved = samples.time(() -> ledger.reserve(tenant, Money.of("1.00", "ZMW"), reference, LATER));
        LedgerResult posted = samples.time(() -> ledger.post(tenant, reference));
        if (!reserved.applied() || !posted.applied()) {
            throw new IllegalStateException("ledger pair " + reference + ": " + reserved.message() + " / " + posted.message());
        }
        return true;
    }

    /** Whether every balance still recomputes from its journal after the runs. */
    boolean consistent() {
        return book.check().isEmpty();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
