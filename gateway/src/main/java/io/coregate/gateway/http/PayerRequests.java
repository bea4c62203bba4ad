package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.payer.AcceptRequest;
import io.coregate.gateway.domain.payer.MerchantPaymentRequest;
import io.coregate.gateway.domain.payer.OutboundTransfer;
import io.coregate.gateway.domain.payer.Payer;
import io.coregate.gateway.domain.payer.SendMoneyRequest;
import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.validation.Rules;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the DFSP channels' payer requests (already parsed JSON objects) into the payer domain's records, at the http
 * edge. Every invalid field is
 * reported at once, each by its path ({@code sendAmount}, {@code payer.payerId}), as 400 with 3100; fields the gateway
 * does not use are ignored. Amounts must be JSON strings in the Mojaloop amount format, positive, with no more decimals
 * than the currency has; currencies must be the tenant's; ids 1 to 128 characters; the payee's id type any FSPIOP
 * type, the payer's (MSISDN when absent) one the tenant supports. Stateless.
 */
public final class PayerRequests {

    private PayerRequests() {
    }

    /**
     * {@code POST /{tenant}/send-money}.
     *
     * @throws ValidationException listing every invalid field
     */
    public static SendMoneyRequest sendMoney(Map<String, Object> body, TenantDocument tenant) {
        var in = new RequestReader();
        Optional<String> home = in.id(body, "homeTransactionId", "homeTransactionId");
        Optional<PartyId> payee = payee(in, body);
        Optional<Money> amount = money(in, body, "sendAmount", "sendCurrency", tenant);
        Optional<String> type = in.text(body, "transactionType", "transactionType", false).or(() -> Optional.of(OutboundTransfer.TRANSFER))
            .filter(t -> {
                if (!OutboundTransfer.TRANSFER.equals(t)) {
                    in.error("transactionType", "must be TRANSFER");
                    return false;
                }
                return true;
            });
        Optional<Payer> payer = payer(in, body, tenant);
        in.done();
        return new SendMoneyRequest(home.orElseThrow(), payee.orElseThrow(), amount.orElseThrow(), type.orElseThrow(), payer.orElseThrow());
    }

    /**
     * {@code POST /{tenant}/merchant-payment}.
     *
     * @throws ValidationException listing every invalid field
     */
    public static MerchantPaymentRequest merchantPayment(Map<String, Object> body, TenantDocument tenant) {
        var in = new RequestReader();
        Optional<String> home = in.id(body, "homeTransactionId", "homeTransactionId");
        Optional<PartyId> payee = payee(in, body);
        Optional<Money> amount = money(in, body, "receiveAmount", "receiveCurrency", tenant);
        Optional<Payer> payer = payer(in, body, tenant);
        in.done();
        return new MerchantPaymentRequest(home.orElseThrow(), payee.orElseThrow(), amount.orElseThrow(), payer.orElseThrow());
    }

    /**
     * {@code PUT /{tenant}/send-money/{transferId}} or {@code .../merchant-payment/{transferId}}.
     *
     * @param transferId the path's transfer id
     * @throws ValidationException listing every invalid field, the path's {@code transferId} included
     */
    public static AcceptRequest accept(String transferId, Map<String, Object> body) {
        var in = new RequestReader();
        if (!isTransferId(transferId)) {
            in.error("transferId", "must be a Mojaloop transfer id (a UUID or a ULID)");
        }
        Optional<Boolean> accept = in.bool(body, "acceptQuote", "acceptQuote");
        Optional<String> home = in.id(body, "homeTransactionId", "homeTransactionId");
        in.done();
        return new AcceptRequest(transferId, accept.orElseThrow(), home.orElseThrow());
    }

    /** True when the text is a Mojaloop transfer id (for {@code GET /{tenant}/transfers/{transferId}}). */
    public static boolean isTransferId(String text) {
        return Rules.CORRELATION_ID.matcher(text).matches();
    }

    private static Optional<PartyId> payee(RequestReader in, Map<String, Object> body) {
        Optional<String> type = in.idType(body, "payeeIdType", "payeeIdType", Optional.empty());
        Optional<String> id = in.id(body, "payeeId", "payeeId");
        return type.isPresent() && id.isPresent() ? Optional.of(PartyId.of(type.get(), id.get())) : Optional.empty();
    }

    private static Optional<Money> money(RequestReader in, Map<String, Object> body, String amountKey, String currencyKey, TenantDocument tenant) {
        Optional<BigDecimal> amount = in.amount(body, amountKey, amountKey);
        Optional<String> currency = in.currency(body, currencyKey, currencyKey, tenant);
        if (amount.isEmpty() || currency.isEmpty()) {
            return Optional.empty();
        }
        in.fitsCurrency(amountKey, amount.get(), currency.get());
        return Optional.of(new Money(amount.get(), currency.get()));
    }

    private static Optional<Payer> payer(RequestReader in, Map<String, Object> body, TenantDocument tenant) {
        Optional<Map<String, Object>> payer = in.object(body, "payer", "payer");
        if (payer.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = in.id(payer.get(), "name", "payer.name");
        Optional<String> id = in.id(payer.get(), "payerId", "payer.payerId");
        Optional<String> type = in.idType(payer.get(), "payerIdType", "payer.payerIdType", Optional.of("MSISDN")).filter(t -> {
            // The payer is the tenant's own customer: its CBS must be able to find them by this id type.
            if (!tenant.supportedIdTypes().contains(t)) {
                in.error("payer.payerIdType", t + " is not one of the tenant's supported id types " + new TreeSet<>(tenant.supportedIdTypes()));
                return false;
            }
            return true;
        });
        if (name.isEmpty() || id.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Payer(name.get(), PartyId.of(type.get(), id.get())));
    }
}
