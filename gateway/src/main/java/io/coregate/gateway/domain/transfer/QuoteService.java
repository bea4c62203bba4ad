package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.money.Currencies;
import io.coregate.gateway.domain.money.Fees;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.party.PartyService;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.QuoteAnswer;
import io.coregate.plugin.api.QuoteRequest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@code POST /quoterequests} for a payee tenant: validates, looks the payee up, prices the quote (the
 * tenant's {@code fees.receive} when it defines a fee, else the adapter's {@code quote} when it has
 * {@link Capability#QUOTE}, else no fee), checks the
 * disbursement float where the adapter can tell, stores the quote and answers the spec's {@code quoteResponse}.
 * Repeats with the same body replay the stored answer without calling the CBS; a different body is 3106. Thread-safe.
 */
public final class QuoteService {

    private final CoreBanking banks;
    private final PartyService parties;
    private final TransferLog log;
    private final TransferPolicy policy;
    private final Clock clock;

    public QuoteService(CoreBanking banks, PartyService parties, TransferLog log, TransferPolicy policy, Clock clock) {
        this.banks = banks;
        this.parties = parties;
        this.log = log;
        this.policy = policy;
        this.clock = clock;
    }

    /** Validated request fields. */
    private record Request(String quoteId, String transactionId, PartyId payee, AmountType amountType, BigDecimal amount, String currency) {
    }

    /**
     * Prices a quote.
     *
     * @param tenant the payee tenant
     * @param body   the request body as plain Java values
     * @return the quoteResponse
     * @throws GatewayException 3100/3101/3102 for bad input, 3106 for a modified repeat, 5106, 5400, 5001, or a mapped CBS failure
     */
    public Map<String, Object> quote(Tenant tenant, Map<String, Object> body) {
        Request request = read(body);
        String hash = CanonicalHash.of(body);
        Optional<StoredQuote> existing = log.findQuote(tenant.id(), request.quoteId());
        if (existing.isPresent()) {
            return replay(existing.get(), hash);
        }
        if (!tenant.document().currencies().contains(request.currency())) {
            throw new GatewayException(ErrorCode.PAYEE_UNSUPPORTED_CURRENCY, "currency " + request.currency() + " is not supported by tenant '"
                + tenant.id() + "' (supported: " + String.join(", ", tenant.document().currencies()) + ")");
        }
        Party payee = parties.lookup(tenant, request.payee());
        if (!payee.currencies().contains(request.currency())) {
            throw new GatewayException(ErrorCode.PAYEE_UNSUPPORTED_CURRENCY, "the payee's account cannot receive " + request.currency());
        }
        Set<Capability> capabilities = capabilities(tenant);
        BigDecimal fee = fee(tenant, capabilities, request, payee);
        BigDecimal transferAmount = request.amountType() == AmountType.SEND ? request.amount() : request.amount().add(fee);
        BigDecimal receiveAmount = request.amountType() == AmountType.SEND ? request.amount().subtract(fee) : request.amount();
        if (receiveAmount.signum() <= 0) {
            throw new GatewayException(ErrorCode.VALIDATION, "amount " + MojaloopAmount.format(request.amount())
                + " does not cover the payee fee of " + MojaloopAmount.format(fee) + " " + request.currency());
        }
        checkFloat(tenant, capabilities, new Money(receiveAmount, request.currency()));
        Instant expires = clock.instant().plus(policy.quoteExpiry());
        var answer = answer(request, transferAmount, receiveAmount, fee, expires);
        var quote = new StoredQuote(tenant.id(), request.quoteId(), request.transactionId(), hash, body, answer,
            request.amountType().name(), request.currency(), transferAmount, receiveAmount, fee, Parties.stored(payee), expires);
        return replay(log.insertQuote(quote), hash);
    }

    private static Map<String, Object> replay(StoredQuote stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new GatewayException(ErrorCode.MODIFIED_REQUEST, "quote " + stored.quoteId()
                + " was already requested with a different body");
        }
        return stored.answer();
    }

    private static Request read(Map<String, Object> body) {
        String quoteId = Fields.correlationId(body, "", "quoteId");
        String transactionId = Fields.correlationId(body, "", "transactionId");
        Map<String, Object> to = Fields.object(body, "", "to");
        String idType = Fields.oneOf(to, "to.", "idType", Parties.ID_TYPES);
        String idValue = Fields.text(to, "to.", "idValue", 128);
        Optional<String> idSubValue = Fields.optionalText(to, "to.", "idSubValue", 128);
        Map<String, Object> from = Fields.object(body, "", "from");
        Fields.oneOf(from, "from.", "idType", Parties.ID_TYPES);
        Fields.text(from, "from.", "idValue", 128);
        AmountType amountType = AmountType.valueOf(Fields.oneOf(body, "", "amountType", Set.of("SEND", "RECEIVE")));
        if (!body.containsKey("amount")) {
            Fields.text(body, "", "amount", 32);
        }
        BigDecimal amount = MojaloopAmount.parse("amount", body.get("amount"));
        if (!body.containsKey("currency")) {
            Fields.text(body, "", "currency", 3);
        }
        String currency = Currencies.parse("currency", body.get("currency"));
        Fields.oneOf(body, "", "transactionType", Set.of("TRANSFER", "DEPOSIT", "PAYMENT"));
        Fields.oneOf(body, "", "initiator", Set.of("PAYER", "PAYEE"));
        Fields.oneOf(body, "", "initiatorType", Set.of("CONSUMER", "AGENT", "BUSINESS", "DEVICE"));
        if (amount.signum() <= 0) {
            throw new GatewayException(ErrorCode.VALIDATION, "amount must be greater than zero");
        }
        return new Request(quoteId, transactionId, new PartyId(idType, idValue, idSubValue), amountType, amount, currency);
    }

    private Set<Capability> capabilities(Tenant tenant) {
        return switch (banks.call(tenant, "capabilities", adapter -> Outcome.done(adapter.capabilities()))) {
            case Outcome.Done<Set<Capability>> done -> done.value();
            case Outcome.Failed<Set<Capability>> failed -> Set.of();
            case Outcome.Pending<Set<Capability>> pending -> Set.of();
        };
    }

    private BigDecimal fee(Tenant tenant, Set<Capability> capabilities, Request request, Party payee) {
        var policy = tenant.document().fees().receive();
        boolean tenantPrices = policy.percent().signum() != 0 || policy.min().signum() != 0;
        if (tenantPrices || !capabilities.contains(Capability.QUOTE)) {
            return Fees.of(policy, request.amount(), request.currency());
        }
        var cbsRequest = new QuoteRequest(request.quoteId(), request.transactionId(), payee, new Money(request.amount(), request.currency()),
            request.amountType());
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
        Optional<String> account = tenant.document().accounts().disbursement();
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

    private static Map<String, Object> answer(Request request, BigDecimal transferAmount, BigDecimal receiveAmount, BigDecimal fee,
                                              Instant expires) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("quoteId", request.quoteId());
        answer.put("transactionId", request.transactionId());
        answer.put("transferAmount", MojaloopAmount.format(transferAmount));
        answer.put("transferAmountCurrency", request.currency());
        answer.put("payeeReceiveAmount", MojaloopAmount.format(receiveAmount));
        answer.put("payeeReceiveAmountCurrency", request.currency());
        answer.put("payeeFspFeeAmount", MojaloopAmount.format(fee));
        answer.put("payeeFspFeeAmountCurrency", request.currency());
        answer.put("expiration", MojaloopTime.format(expires));
        return answer;
    }
}
