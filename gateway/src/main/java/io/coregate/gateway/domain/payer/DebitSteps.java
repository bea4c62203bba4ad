package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.MoneyContexts;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
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
 * id and the leg), so a refund never carries the debit's key. Thread-safe.
 */
public final class DebitSteps {

    private final CoreBanking banks;

    public DebitSteps(CoreBanking banks) {
        this.banks = banks;
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

    /** True when the tenant's adapter holds before it debits. */
    boolean holds(Tenant tenant) {
        try {
            Outcome<Set<Capability>> caps = banks.call(tenant, "capabilities", adapter -> Outcome.done(adapter.capabilities()));
            return caps instanceof Outcome.Done<Set<Capability>> done && done.value().contains(Capability.DEBIT_HOLD);
        } catch (GatewayException e) {
            return false;
        }
    }

    /** Takes the customer's money (hold or debit). A bulkhead refusal or adapter bug is a failure of kind UNAVAILABLE. */
    Outcome<Receipt> take(Tenant tenant, DebitRequest request, boolean hold) {
        return call(tenant, hold ? "holdDebit" : "debit", request.forLeg(hold ? Leg.HOLD : Leg.DEBIT, request.attempt(), request.reference()),
            hold ? CoreBankingAdapter::holdDebit : CoreBankingAdapter::debit);
    }

    /** Gives the customer's money back; empty when the CBS confirmed, else what went wrong. */
    Optional<String> giveBack(Tenant tenant, DebitRequest request, boolean hold) {
        return confirmed(call(tenant, hold ? "releaseDebit" : "refund",
            request.forLeg(hold ? Leg.RELEASE_HOLD : Leg.REFUND, request.attempt(), request.reference()),
            hold ? CoreBankingAdapter::releaseDebit : CoreBankingAdapter::refund), hold ? "releaseDebit" : "refund");
    }

    /** Makes a hold a debit (nothing to do for a plain debit); empty when confirmed, else what went wrong. */
    Optional<String> capture(Tenant tenant, DebitRequest request, boolean hold) {
        if (!hold) {
            return Optional.empty();
        }
        return confirmed(call(tenant, "captureDebit", request.forLeg(Leg.CAPTURE, request.attempt(), request.reference()),
            CoreBankingAdapter::captureDebit), "captureDebit");
    }

    private Outcome<Receipt> call(Tenant tenant, String operation, DebitRequest request,
                                  BiFunction<CoreBankingAdapter, DebitRequest, Outcome<Receipt>> step) {
        try {
            return banks.call(tenant, operation, adapter -> step.apply(adapter, request));
        } catch (GatewayException e) {
            return Outcome.failed(FailureKind.UNAVAILABLE, e.code().code() + ": " + e.getMessage());
        }
    }

    private static Optional<String> confirmed(Outcome<Receipt> outcome, String operation) {
        return switch (outcome) {
            case Outcome.Done<Receipt> done -> Optional.empty();
            case Outcome.Failed<Receipt> failed -> Optional.of(operation + " failed: " + failed.kind() + ": " + failed.message());
            case Outcome.Pending<Receipt> pending -> Optional.of(operation + " not confirmed by the CBS (" + pending.cbsReference() + ")");
        };
    }
}
