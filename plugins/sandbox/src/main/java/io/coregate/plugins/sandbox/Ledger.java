package io.coregate.plugins.sandbox;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Balances and holds by {@link Pocket}. Money only moves between two pockets, so the sum of all balances per
 * currency never changes.
 *
 * <p>Not thread-safe: guarded by the owning {@link Bank}'s monitor.
 */
final class Ledger {

    private final Map<Pocket, BigDecimal> balances = new HashMap<>();
    private final Map<Pocket, BigDecimal> holds = new HashMap<>();

    /** The ledger balance, holds not deducted. */
    BigDecimal balance(Pocket pocket) {
        return balances.getOrDefault(pocket, BigDecimal.ZERO);
    }

    /** What can leave the pocket now: balance less holds. */
    BigDecimal available(Pocket pocket) {
        return balance(pocket).subtract(holds.getOrDefault(pocket, BigDecimal.ZERO));
    }

    /** Books {@code amount} out of {@code from} and into {@code to}: the one way balances change. */
    void move(Pocket from, Pocket to, BigDecimal amount) {
        balances.merge(from, amount.negate(), BigDecimal::add);
        balances.merge(to, amount, BigDecimal::add);
    }

    /** Earmarks {@code amount} of the pocket. */
    void hold(Pocket pocket, BigDecimal amount) {
        holds.merge(pocket, amount, BigDecimal::add);
    }

    /** Frees an earlier {@link #hold}. */
    void unhold(Pocket pocket, BigDecimal amount) {
        holds.merge(pocket, amount.negate(), BigDecimal::add);
    }

    /** The sum of all balances per currency. */
    Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        balances.forEach((pocket, balance) -> totals.merge(pocket.currency(), balance, BigDecimal::add));
        totals.replaceAll((currency, total) -> total.stripTrailingZeros());
        return totals;
    }
}
