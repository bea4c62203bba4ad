package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.MojaloopTime;
import io.coregate.gateway.domain.transfer.Transfer;

import java.time.Instant;

/** Checks {@code POST /transfers} requests against their quote and renders transfer details. Stateless. */
final class TransferRequests {

    private TransferRequests() {
    }

    /** The stored quote the request names, checked against it. */
    static StoredQuote matchingQuote(Tenant tenant, TransferRequestBody request, QuoteBook quotes, Instant now) {
        String quoteId = request.quote().quoteId();
        StoredQuote quote = quotes.findQuote(tenant.id(), quoteId).orElseThrow(() -> new GatewayException(ErrorCode.VALIDATION,
            "quote.quoteId " + quoteId + " was not quoted by tenant '" + tenant.id() + "'"));
        if (!tenant.document().currencies().contains(request.currency())) {
            throw new GatewayException(ErrorCode.PAYEE_UNSUPPORTED_CURRENCY, "currency " + request.currency() + " is not supported by tenant '"
                + tenant.id() + "'");
        }
        mismatch("currency", request.currency(), quote.currency());
        mismatch("amount", MojaloopAmount.format(request.value()), MojaloopAmount.format(quote.transferAmount()));
        mismatch("quote.transferAmount", MojaloopAmount.format(new java.math.BigDecimal(request.quote().transferAmount())),
            MojaloopAmount.format(quote.transferAmount()));
        mismatch("to.idType", request.to().idType(), quote.payee().idType());
        mismatch("to.idValue", request.to().idValue(), quote.payee().idValue());
        if (now.isAfter(quote.expiresAt())) {
            throw new GatewayException(ErrorCode.QUOTE_EXPIRED, "quote " + quote.quoteId() + " expired at " + MojaloopTime.format(quote.expiresAt()));
        }
        return quote;
    }

    private static void mismatch(String field, String sent, String quoted) {
        if (!sent.equals(quoted)) {
            throw new GatewayException(ErrorCode.VALIDATION, field + " '" + sent + "' differs from the quote's '" + quoted + "'");
        }
    }

    /** The spec's {@code transferDetailsResponse}. */
    static TransferDetailsBody details(Tenant tenant, Transfer transfer) {
        return new TransferDetailsBody(transfer.homeTransactionId(), transfer.payer().view(transfer.payer().fspId().orElse("unknown")),
            transfer.payee().view(tenant.document().dfspId()), transfer.amountType(), transfer.currency(),
            MojaloopAmount.format(transfer.amount()), transfer.state().publicName(), transfer.transactionType(),
            MojaloopTime.format(transfer.updatedAt()));
    }
}
