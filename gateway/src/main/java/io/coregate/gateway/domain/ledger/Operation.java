package io.coregate.gateway.domain.ledger;

/** Every kind of journaled ledger operation. */
public enum Operation {
    /** {@code reserved += amount}. */
    RESERVE,
    /** {@code reserved -= amount, position += amount}. */
    POST,
    /** {@code reserved -= amount}: the transfer failed. */
    VOID,
    /** {@code reserved -= amount}: the sweeper found the reservation past its expiry. */
    EXPIRE,
    /** {@code position -= amount}: a committed inbound transfer. */
    INBOUND,
    /** {@code limit += amount}. */
    FUNDS_IN,
    /** {@code limit -= amount}, refused when available would go negative. */
    FUNDS_OUT,
    /** {@code position -= amount, limit -= amount}: the hub settled the net amount out of the prefunded account. */
    SETTLEMENT,
    /** The limit (and alarm, maximum) set by an operator or the tenant document. */
    SET_LIMIT,
    /** {@code limit += amount} on one stripe of a balance, netting to zero over the stripes of one change (a hot account). */
    REBALANCE
}
