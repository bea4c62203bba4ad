package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.MoneyContexts;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.LegLog;
import io.coregate.gateway.domain.transfer.LegOutcome;
import io.coregate.gateway.domain.transfer.LegRecord;
import io.coregate.gateway.domain.transfer.MoneyLegs;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The payer side's CBS money steps: take the customer's money ({@code holdDebit} when the adapter declares
 * {@link Capability#DEBIT_HOLD}, else {@code debit}), give it back ({@code releaseDebit}/{@code refund}) or make the
 * hold final ({@code captureDebit}). Each step is its own leg with its own key ({@link LegKey}: the Mojaloop transfer
 * id and the leg), so a refund never carries the debit's key, and each runs through {@link MoneyLegs}: written before
 * the call, resolved by status when unanswered. The mode (hold or debit) is chosen once, at the accept, and read back
 * from the leg it wrote ever after. Thread-safe.
 */
public final class DebitSteps {

    private final CoreBanking banks;
    private final MoneyLegs legs;
    private final LegLog legLog;

    public DebitSteps(CoreBanking banks, MoneyLegs legs, LegLog legLog) {
        this.banks = banks;
        this.legs = legs;
        this.legLog = legLog;
    }

    /**
     * The debit for an outbound transfer: its payer, what the channel was told the customer pays, and the transfer's
     * context. Its leg is a placeholder carrying the attempt ({@code attempts + 1}); each step names its own leg.
     */
    static DebitRequest request(Outbound outbound, Optional<String> reference) {
        Transfer t = outbound.transfer();
        Optional<QuotedBody> quoted = outbound.postAnswer().flatMap(DebitSteps::quoted);
        BigDecimal total = quoted.map(QuotedBody::totalDebitAmount).orElse(t.amount());
        BigDecimal fee = quoted.map(q -> MojaloopAmount.parse("fees.sendFee", q.fees().sendFee())).orElse(BigDecimal.ZERO);
        PartyId payer = PartyId.of(t.payer().idType(), t.payer().idValue());
        String transferId = outbound.mojaloopTransferId().orElse(t.transferId());
        var context = MoneyContexts.outbound(t, transferId, quoted.map(QuotedBody::payee), total.subtract(fee), fee);
        return new DebitRequest(transferId, payer, new Money(total, t.currency()), reference,
            Optional.of(new LegKey(transferId, Leg.DEBIT, t.attempts() + 1)), context);
    }

    private static Optional<QuotedBody> quoted(StoredAnswer answer) {
        return answer instanceof StoredAnswer.Answered(QuotedBody quoted) ? Optional.of(quoted) : Optional.empty();
    }

    /**
     * How the transfer takes the customer's money: the leg it already wrote (HOLD or DEBIT), else, for a transfer
     * that has none yet, HOLD when the tenant's adapter holds before it debits.
     */
    Leg mode(Tenant tenant, Outbound outbound) {
        for (LegRecord leg : legLog.of(tenant.id(), Direction.OUTBOUND, outbound.ref())) {
            if (leg.leg() == Leg.HOLD || leg.leg() == Leg.DEBIT) {
                return leg.leg();
            }
        }
        return choose(tenant);
    }

    /**
     * The mode of a transfer that has taken nothing yet (the accept of a QUOTED transfer, which has no legs): HOLD when
     * the tenant's adapter holds before it debits.
     */
    Leg choose(Tenant tenant) {
        try {
            Outcome<Set<Capability>> caps = banks.call(tenant, "capabilities", adapter -> Outcome.done(adapter.capabilities()));
            return caps instanceof Outcome.Done<Set<Capability>> done && done.value().contains(Capability.DEBIT_HOLD) ? Leg.HOLD : Leg.DEBIT;
        } catch (GatewayException e) {
            return Leg.DEBIT;
        }
    }

    /** Takes the customer's money ({@code mode}: HOLD or DEBIT): booked, refused, or open (pending or unknown). */
    LegOutcome take(Tenant tenant, Outbound outbound, DebitRequest request, Leg mode) {
        return run(tenant, outbound, request, mode);
    }

    /** Gives the customer's money back; empty when the CBS confirmed, else what went wrong or is still open. */
    Optional<String> giveBack(Tenant tenant, Outbound outbound, DebitRequest request, Leg mode) {
        Leg leg = mode == Leg.HOLD ? Leg.RELEASE_HOLD : Leg.REFUND;
        Optional<String> unbooked = notBooked(tenant, outbound, mode);
        if (unbooked.isPresent()) {
            return unbooked.get().isEmpty() ? Optional.empty() : unbooked;
        }
        return confirmed(run(tenant, outbound, request, leg), leg);
    }

    /**
     * Whether the leg that took the money is known to have booked: empty when it did (give it back or capture it);
     * an empty string when it is known never to have (nothing to give back); else why it is not known (nothing may be
     * sent until it is).
     */
    private Optional<String> notBooked(Tenant tenant, Outbound outbound, Leg mode) {
        Optional<LegRecord> taken = legLog.find(tenant.id(), Direction.OUTBOUND, outbound.ref(), mode);
        if (taken.isEmpty()) {
            // A transfer from before legs were written: it reached DEBITED only once its debit had booked.
            TransferState state = outbound.transfer().state();
            boolean wasDebited = state == TransferState.DEBITED || state == TransferState.UNCERTAIN || state == TransferState.RECONCILE;
            return wasDebited ? Optional.empty() : Optional.of("");
        }
        return switch (legs.check(tenant, taken.get())) {
            case LegOutcome.Booked booked -> Optional.empty();
            case LegOutcome.Refused refused -> Optional.of("");
            case LegOutcome.Open open -> Optional.of("the " + operation(mode) + " is still " + open.state() + " (" + open.reason()
                + "): nothing is given back until the CBS says it booked");
        };
    }

    /** Makes a hold a debit (nothing to do for a plain debit); empty when confirmed, else what went wrong. */
    Optional<String> capture(Tenant tenant, Outbound outbound, DebitRequest request, Leg mode) {
        if (mode != Leg.HOLD) {
            return Optional.empty();
        }
        Optional<String> unbooked = notBooked(tenant, outbound, mode);
        if (unbooked.isPresent()) {
            return Optional.of(unbooked.get().isEmpty() ? "the hold never booked: nothing to capture" : unbooked.get());
        }
        return confirmed(run(tenant, outbound, request, Leg.CAPTURE), Leg.CAPTURE);
    }

    private LegOutcome run(Tenant tenant, Outbound outbound, DebitRequest request, Leg leg) {
        BiFunction<CoreBankingAdapter, DebitRequest, Outcome<Receipt>> step = switch (leg) {
            case DEBIT -> CoreBankingAdapter::debit;
            case HOLD -> CoreBankingAdapter::holdDebit;
            case REFUND -> CoreBankingAdapter::refund;
            case RELEASE_HOLD -> CoreBankingAdapter::releaseDebit;
            case CAPTURE -> CoreBankingAdapter::captureDebit;
            default -> throw new IllegalArgumentException("not a payer leg: " + leg);
        };
        return legs.run(tenant, Direction.OUTBOUND, outbound.ref(), request.transferId(), leg, operation(leg),
            key -> adapter -> step.apply(adapter, request.forLeg(leg, key.attempt(), request.reference())));
    }

    /** The adapter operation's name of a payer leg. */
    static String operation(Leg leg) {
        return switch (leg) {
            case DEBIT -> "debit";
            case HOLD -> "holdDebit";
            case REFUND -> "refund";
            case RELEASE_HOLD -> "releaseDebit";
            case CAPTURE -> "captureDebit";
            default -> leg.toString();
        };
    }

    private static Optional<String> confirmed(LegOutcome outcome, Leg leg) {
        return switch (outcome) {
            case LegOutcome.Booked booked -> Optional.empty();
            case LegOutcome.Refused refused -> Optional.of(operation(leg) + " failed: " + refused.kind() + ": " + refused.message());
            case LegOutcome.Open open -> Optional.of(operation(leg) + " not confirmed by the CBS (" + open.state() + ": " + open.reason()
                + ")");
        };
    }
}
