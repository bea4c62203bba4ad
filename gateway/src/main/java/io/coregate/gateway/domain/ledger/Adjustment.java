package io.coregate.gateway.domain.ledger;

import java.math.BigDecimal;

/**
 * An operator's adjustment, idempotent on (tenant, currency, reference).
 *
 * @param type      funds in, funds out or settlement
 * @param amount    a positive amount
 * @param reference the operator's unique reference (e.g. the hub's settlement id)
 */
public record Adjustment(Type type, BigDecimal amount, String reference) {

    /** The adjustment kinds of DESIGN.md. */
    public enum Type {
        /** The DFSP prefunded more: {@code limit += amount}. */
        FUNDS_IN(Operation.FUNDS_IN),
        /** The DFSP withdrew prefunding: {@code limit -= amount}, refused when available would go negative. */
        FUNDS_OUT(Operation.FUNDS_OUT),
        /** The hub settled a net debit: {@code position -= amount, limit -= amount}. */
        SETTLEMENT(Operation.SETTLEMENT);

        private final Operation operation;

        Type(Operation operation) {
            this.operation = operation;
        }

        /** The journal operation. */
        public Operation operation() {
            return operation;
        }
    }
}
