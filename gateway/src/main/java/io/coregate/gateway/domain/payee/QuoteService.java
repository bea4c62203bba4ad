package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.money.Fees;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.party.PartyService;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.MojaloopTime;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.QuoteAnswer;
import io.coregate.plugin.api.QuoteRequest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@code POST /quoterequests} for a payee tenant: looks the payee up, prices the quote (the
 * tenant's {@code fees.receive} when it defines a fee, else the adapter's {@code quote} when it has
 * {@link Capability#QUOTE}, else no fee), checks the
 * disbursement float where the adapter can tell, stores the quote and answers the spec's {@code quoteResponse}.
 * Repeats with the same body replay the stored answer without calling the CBS; a different body is 3106. Thread-safe.
 */
public final class QuoteService {

    private final CoreBanking banks;
    private final PartyService parties;
    private final QuoteBook log;
    private final TransferPolicy policy;
    private final Clock clock;

    public QuoteService(CoreBanking banks, PartyService parties, QuoteBook log, TransferPolicy policy, Clock clock) {
        this.banks = banks;
        this.parties = parties;
        this.log = log;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Prices a quote.
     *
     * @param tenant      the payee tenant
     * @param request     the checked request
     * @param requestHash the request's canonical hash
     * @return the quoteResponse
     * @throws GatewayException 3106 for a modified repeat, 5106, 5400, 5001, or a mapped CBS failure
     */
    public QuoteResponseBody quote(Tenant tenant, QuoteRequestBody request, String requestHash) {
        Optional<StoredQuote> existing = log.findQuote(tenant.id(), request.quoteId());
        if (existing.isPresent()) {
            return replay(existing.get(), requestHash);
        }
        if (!tenant.document().currencies().contains(request.currency())) {
            throw new GatewayException(ErrorCode.PAYEE_UNSUPPORTED_CURRENCY, "currency " + request.currency() + " is not supported by tenant '"
                + tenant.id() + "' (supported: " + String.join(", ", tenant.document().currencies()) + ")");
        }
        Party payee = parties.lookup(tenant, request.to().id());
        if (!payee.currencies().contains(request.currency())) {
            throw new GatewayException(ErrorCode.PAYEE_UNSUPPORTED_CURRENCY, "the payee's account cannot receive " + request.currency());
        }
        Set<Capability> capabilities = capabilities(tenant);
        AmountType amountType = AmountType.valueOf(request.amountType());
        BigDecimal amount = request.value();
        BigDecimal fee = fee(tenant, capabilities, request, payee);
        BigDecimal transferAmount = amountType == AmountType.SEND ? amount : amount.add(fee);
        BigDecimal receiveAmount = amountType == AmountType.SEND ? amount.subtract(fee) : amount;
        if (receiveAmount.signum() <= 0) {
            throw new GatewayException(ErrorCode.VALIDATION, "amount " + MojaloopAmount.format(amount)
                + " does not cover the payee fee of " + MojaloopAmount.format(fee) + " " + request.currency());
        }
        checkFloat(tenant, capabilities, new Money(receiveAmount, request.currency()));
        Instant expires = clock.instant().plus(policy.quoteExpiry());
        var answer = new QuoteResponseBody(request.quoteId(), request.transactionId(), MojaloopAmount.format(transferAmount),
            request.currency(), MojaloopAmount.format(receiveAmount), request.currency(), MojaloopAmount.format(fee), request.currency(),
            MojaloopTime.format(expires));
        var quote = new StoredQuote(tenant.id(), request.quoteId(), request.transactionId(), requestHash, request, answer,
            amountType.name(), request.currency(), transferAmount, receiveAmount, fee, TransferParty.stored(payee), expires);
        return replay(log.insertQuote(quote), requestHash);
    }

    private static QuoteResponseBody replay(StoredQuote stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new GatewayException(ErrorCode.MODIFIED_REQUEST, "quote " + stored.quoteId()
                + " was already requested with a different body");
        }
        return stored.answer();
    }

    private Set<Capability> capabilities(Tenant tenant) {
        return switch (banks.call(tenant, "capabilities", adapter -> Outcome.done(adapter.capabilities()))) {
            case Outcome.Done<Set<Capability>> done -> done.value();
            case Outcome.Failed<Set<Capability>> failed -> Set.of();
            case Outcome.Pending<Set<Capability>> pending -> Set.of();
        };
    }

    private BigDecimal fee(Tenant tenant, Set<Capability> capabilities, QuoteRequestBody request, Party payee) {
        var policy = tenant.document().fees().receive();
        boolean tenantPrices = policy.percent().signum() != 0 || policy.min().signum() != 0;
        if (tenantPrices || !capabilities.contains(Capability.QUOTE)) {
            return Fees.of(policy, request.value(), request.currency());
        }
        var cbsRequest = new QuoteRequest(request.quoteId(), request.transactionId(), payee, new Money(request.value(), request.currency()),
            AmountType.valueOf(request.amountType()));
        return switch (banks.call(tenant, "quote", adapter -> adapter.quote(cbsRequest))) {
            case Outcome.Done<QuoteAnswer> done -> {
                if (!done.value().payeeFee().currency().equals(request.currency()) || done.value().payeeFee().amount().signum() < 0) {
                    throw new GatewayException(ErrorCode.PAYEE_ERROR, "the CBS priced the quote with an invalid fee");
                }
                yield done.value().payeeFee().amount();
            }
            case Outcome.Failed<QuoteAnswer> failed -> throw new GatewayException(FailureCodes.of(failed.kind(), Side.PAYEE),
                "the CBS refused to price the quote: " + failed.message());
            case Outcome.Pending<QuoteAnswer> pending -> throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE,
                "the CBS did not price the quote synchronously");
        };
    }

    private void checkFloat(Tenant tenant, Set<Capability> capabilities, Money needed) {
        Optional<String> account = tenant.document().accounts().forCurrency(needed.currency()).disbursement();
        if (!capabilities.contains(Capability.BALANCE) || account.isEmpty()) {
            return;
        }
        switch (banks.call(tenant, "balance", adapter -> adapter.balance(account.get(), needed.currency()))) {
            case Outcome.Done<Balance> done -> {
                if (done.value().available().amount().compareTo(needed.amount()) < 0) {
                    throw new GatewayException(ErrorCode.PAYEE_INSUFFICIENT_LIQUIDITY, "the disbursement account cannot cover "
                        + needed.plain() + " " + needed.currency());
                }
            }
            case Outcome.Failed<Balance> failed -> throw new GatewayException(FailureCodes.of(failed.kind(), Side.PAYEE),
                "the disbursement float could not be checked: " + failed.message());
            case Outcome.Pending<Balance> pending -> throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE,
                "the CBS did not answer the float check synchronously");
        }
    }
}
