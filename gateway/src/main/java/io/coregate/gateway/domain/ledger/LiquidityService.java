package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.tenant.TenantService;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The operators' liquidity use cases: each checks that the tenant exists (3200) and that the currency is one of its
 * currencies (3100), then asks the {@link LiquidityBook}. Writes are journaled and audited there; the alarm is told of
 * every balance a write changed. Thread-safe.
 */
public final class LiquidityService {

    /** The most journal entries one request returns. */
    public static final int MAX_JOURNAL = 1_000;

    private final LiquidityBook book;
    private final TenantService tenants;
    private final BalanceObserver observer;

    public LiquidityService(LiquidityBook book, TenantService tenants, BalanceObserver observer) {
        this.book = book;
        this.tenants = tenants;
        this.observer = observer;
    }

    /** One balance per tenant currency (limit 0 where nothing was set), plus any stored for a currency it no longer has. */
    public List<Balance> balances(TenantId id) {
        Tenant tenant = tenants.get(id);
        var byCurrency = new TreeMap<String, Balance>();
        tenant.document().currencies().forEach(c -> byCurrency.put(c, Balance.empty(id, c)));
        book.balances(id).forEach(b -> byCurrency.put(b.currency(), b));
        return new ArrayList<>(byCurrency.values());
    }

    /** Sets limit, alarm and maximum from {@code {limit, alarmPercent, maxPerTransfer}}. */
    public LedgerResult setLimit(TenantId id, String currency, LimitRequest body, String actor) {
        checkCurrency(id, currency);
        LedgerResult result = book.setLimit(id, currency, body.settings(), actor);
        observer.observe(result.balance());
        return result;
    }

    /** Applies {@code {type, amount, reference}} once; a repeat answers {@code applied=false}. */
    public LedgerResult adjust(TenantId id, String currency, AdjustmentRequest body, String actor) {
        checkCurrency(id, currency);
        LedgerResult result = book.adjust(id, currency, body.adjustment(), actor);
        observer.observe(result.balance());
        return result;
    }

    /** The newest journal entries, newest first, at most {@link #MAX_JOURNAL}. */
    public List<JournalEntry> journal(TenantId id, String currency, int limit) {
        checkCurrency(id, currency);
        return book.journal(id, currency, Math.max(1, Math.min(limit, MAX_JOURNAL)));
    }

    /** Every difference between the stored balances and the journal. */
    public List<Discrepancy> check() {
        return book.check();
    }

    private void checkCurrency(TenantId id, String currency) {
        Tenant tenant = tenants.get(id);
        if (!tenant.document().currencies().contains(currency)) {
            throw ValidationException.of("currency", "'" + LedgerRules.shorten(currency) + "' is not one of tenant '" + id.value()
                + "''s currencies " + tenant.document().currencies());
        }
    }
}
