package io.coregate.plugin.api;

import java.util.Optional;
import java.util.Set;

/**
 * One tenant's connection to its core banking system.
 *
 * <p>Contract for implementers:
 * <ul>
 *   <li><b>Thread-safety:</b> an adapter is called concurrently (up to the tenant's {@code cbs.maxConcurrency}) and
 *       must be safe for that.</li>
 *   <li><b>Idempotency, per leg:</b> every money call carries a {@link LegKey} ({@code request.key()},
 *       {@code request.attempt()}): the key is the same on every retry of that leg and differs between the legs of
 *       one transfer. An adapter passes it to its CBS as the idempotency key or reference where the CBS has one (in
 *       the vendor's format through {@code plugin-support}'s {@code LegKeys}), and otherwise checks with the CBS
 *       before booking twice, at least when {@link LegKey#isRetry()}. A retry of one leg books once; two legs of one
 *       transfer book separately.</li>
 *   <li><b>Context:</b> every money call carries the {@link TransferContext} (transfer and transaction ids,
 *       TRANSFER or PAYMENT, names and FSP ids, expiry, amount and fee apart, minor units, the customer as
 *       resolved once for the transfer): use it for narratives, hold end dates and the vendor's transaction type;
 *       do not look the customer up again for each leg.</li>
 *   <li><b>Failures:</b> return {@link Outcome.Failed} (or throw {@link CbsException}) with the closest
 *       {@link FailureKind}; any other exception is treated as an internal error of the plugin.</li>
 *   <li><b>Time:</b> the host abandons a call after the tenant's timeout for its kind
 *       ({@link AdapterContext#timeout(Operation)}: {@code cbs.timeouts.lookup}, {@code .posting}, ..., else
 *       {@code cbs.timeoutMillis}); adapters set their own HTTP timeouts below it
 *       ({@link AdapterContext#httpTimeout(Operation)}).</li>
 *   <li><b>Health:</b> {@link #health()} answers UP, DEGRADED (answering but impaired: calls are still made) or
 *       DOWN.</li>
 * </ul>
 * The optional operations have defaults that fail with {@link FailureKind#REJECTED}; an adapter that implements
 * one lists it in {@link #capabilities()}.
 */
public interface CoreBankingAdapter extends AutoCloseable {

    /** The optional operations this adapter implements. */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /**
     * The FSPIOP party id types this CBS can look up ({@code MSISDN}, {@code ACCOUNT_ID}, ...). Onboarding refuses a
     * tenant document whose {@code supportedIdTypes} names one outside this set. The default is every type:
     * {@link PartyId#ID_TYPES}.
     *
     * @since 2.0.0
     */
    default Set<String> supportedIdTypes() {
        return PartyId.ID_TYPES;
    }

    /** Finds the customer behind a Mojaloop party id: {@link FailureKind#NOT_FOUND} when there is none. */
    Outcome<Party> lookupParty(PartyId id);

    /** The available balance of one of the tenant's accounts ({@link Capability#BALANCE}). */
    default Outcome<Balance> balance(String accountNo, String currency) {
        return unsupported("balance");
    }

    /** Prices a payee-side quote ({@link Capability#QUOTE}); without it the tenant's fee policy applies alone. */
    default Outcome<QuoteAnswer> quote(QuoteRequest request) {
        return unsupported("quote");
    }

    /** Earmarks an inbound credit before the hub commits; a no-op answer is fine where the CBS cannot hold. */
    Outcome<Receipt> reserveCredit(CreditRequest request);

    /** Credits the customer from the disbursement account after the hub committed. Must be idempotent. */
    Outcome<Receipt> commitCredit(CreditRequest request);

    /** Undoes {@link #reserveCredit} after the hub aborted. Must be idempotent. */
    Outcome<Receipt> releaseCredit(CreditRequest request);

    /** Moves the customer's funds into the collection account before an outbound transfer is accepted. */
    Outcome<Receipt> debit(DebitRequest request);

    /** Returns a {@link #debit} to the customer after the transfer failed. Must be idempotent. */
    Outcome<Receipt> refund(DebitRequest request);

    /** Places a hold for an outbound transfer instead of debiting ({@link Capability#DEBIT_HOLD}). */
    default Outcome<Receipt> holdDebit(DebitRequest request) {
        return unsupported("holdDebit");
    }

    /** Turns a hold into a debit after the hub committed ({@link Capability#DEBIT_HOLD}). */
    default Outcome<Receipt> captureDebit(DebitRequest request) {
        return unsupported("captureDebit");
    }

    /** Releases a hold after the transfer failed ({@link Capability#DEBIT_HOLD}). */
    default Outcome<Receipt> releaseDebit(DebitRequest request) {
        return unsupported("releaseDebit");
    }

    /** What the CBS knows of a transaction: used to settle pending outcomes and for reconciliation. */
    Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference);

    /**
     * What the CBS knows of one leg of a transfer (a debit and its refund are two legs): asked before a leg whose
     * earlier call left no answer (a timeout, a gateway that stopped during the call) is decided on, and to settle a
     * {@link Outcome.Pending pending} one ({@code cbsReference} is then the pending answer's reference). COMPLETED:
     * the leg booked; FAILED: it did not and will not; NOT_FOUND: the CBS never received it; PENDING: not finished.
     *
     * <p>The default answers from {@link #status(String, Optional)} where that can only mean this leg (the first
     * booking of a transfer, or a pending reference) and otherwise fails, so the host re-sends the leg under the same
     * key (safe: every money call is idempotent per key) rather than guess. An adapter whose CBS can look a booking up
     * by its reference overrides it.
     *
     * @since 2.1.0
     */
    default Outcome<TransactionStatus> status(LegKey key, Optional<String> cbsReference) {
        boolean first = key.leg() == Leg.DEBIT || key.leg() == Leg.HOLD || key.leg() == Leg.RESERVE;
        if (first || cbsReference.isPresent()) {
            return status(key.transferId(), cbsReference);
        }
        return Outcome.failed(FailureKind.REJECTED, "status of a " + key.leg() + " leg is not supported by this CBS adapter");
    }

    /** Whether the CBS answers. Called by the health check; must be cheap. */
    HealthStatus health();

    /** Releases the adapter's resources (HTTP clients, timers). The default does nothing. */
    @Override
    default void close() {
    }

    private static <T> Outcome<T> unsupported(String operation) {
        return Outcome.failed(FailureKind.REJECTED, operation + " is not supported by this CBS adapter");
    }
}
