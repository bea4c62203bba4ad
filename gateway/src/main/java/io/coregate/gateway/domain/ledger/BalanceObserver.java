package io.coregate.gateway.domain.ledger;

/** Told about balances after they change (and periodically), to drive the liquidity alarm. Thread-safe. */
@FunctionalInterface
public interface BalanceObserver {

    /** A balance as it now stands. */
    void observe(Balance balance);
}
