package io.coregate.plugin.sim;

/**
 * One vendor operation: answers a request, booking on the ledger if it moves money. A route may throw
 * {@link LedgerException}; it is better to catch it and answer the vendor's own error body. Called concurrently,
 * except that booking routes run one at a time.
 */
@FunctionalInterface
public interface Route {

    /**
     * @param request the parsed request
     * @param ledger  the simulator's ledger
     * @return the answer
     */
    SimResponse handle(SimRequest request, Ledger ledger);
}
