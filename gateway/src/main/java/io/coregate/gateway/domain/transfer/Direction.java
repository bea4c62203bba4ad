package io.coregate.gateway.domain.transfer;

/** Which way money moves for the tenant. */
public enum Direction {
    /** The hub pays one of the tenant's customers (payee side). */
    INBOUND,
    /** One of the tenant's customers pays out through the hub (payer side). */
    OUTBOUND
}
