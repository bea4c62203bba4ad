package io.coregate.gateway.domain.transfer;

/**
 * A fencing token: the generation of the lease a caller took on a transfer. Every lease taken increments the
 * transfer's generation, and a state write made under a lease carries the generation it holds; the store applies
 * it only while that generation is still the transfer's, so a holder whose lease ran out and was taken over (by a
 * retried request, the reconciler or an operator) cannot write any more, however late its CBS call returns.
 *
 * @param generation the transfer's lease generation when this caller took its lease
 */
public record Fence(long generation) {

    /** The lease of the caller that inserted the transfer (a new row starts at generation 1). */
    public static final Fence FIRST = new Fence(1);
}
