package io.coregate.gateway.domain.error;

/** Which end of a transfer the tenant is: the same CBS failure means a different FSPIOP code on each side. */
public enum Side {
    /** The tenant's customer receives (inbound, backend API). */
    PAYEE,
    /** The tenant's customer sends (outbound, DFSP API). */
    PAYER
}
