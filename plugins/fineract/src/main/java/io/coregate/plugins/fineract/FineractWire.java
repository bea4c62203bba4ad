package io.coregate.plugins.fineract;

import io.coregate.plugin.api.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request bodies CoreGate sends Fineract. Every body carries {@code locale} and {@code dateFormat} (Fineract
 * refuses an amount or date without them) and amounts as plain decimal strings. Immutable and thread-safe.
 *
 * @param settings the tenant's locale, date format and zone
 * @param clock    today's date, in the settings' zone
 */
record FineractWire(FineractSettings settings, Clock clock) {

    /** Fineract's account type of a savings account in {@code /accounttransfers}. */
    static final int SAVINGS = 2;

    /** {@code POST /accounttransfers}: one atomic two-leg booking from one savings account to another. */
    Map<String, Object> transfer(FineractAccount from, FineractAccount to, Money amount, String description) {
        var body = dated();
        body.put("fromOfficeId", from.officeId());
        body.put("fromClientId", from.clientId());
        body.put("fromAccountType", SAVINGS);
        body.put("fromAccountId", from.id());
        body.put("toOfficeId", to.officeId());
        body.put("toClientId", to.clientId());
        body.put("toAccountType", SAVINGS);
        body.put("toAccountId", to.id());
        body.put("transferDate", today());
        body.put("transferAmount", amount.plain());
        body.put("transferDescription", description);
        return body;
    }

    /** {@code POST /savingsaccounts/{id}/transactions?command=holdAmount}. */
    Map<String, Object> hold(Money amount, String reason) {
        var body = dated();
        body.put("transactionDate", today());
        body.put("transactionAmount", amount.plain());
        body.put("reasonForBlock", reason);
        return body;
    }

    /** {@code POST /savingsaccounts/{id}/transactions/{holdId}?command=releaseAmount}. */
    Map<String, Object> release() {
        return dated();
    }

    /**
     * One request of {@code POST /batches}: its relative URL, method, headers (the leg's {@code Idempotency-Key}) and body
     * as JSON text, as Fineract's batch API takes it.
     */
    static Map<String, Object> batchItem(long requestId, String relativeUrl, String idempotencyKey, String jsonBody) {
        var item = new LinkedHashMap<String, Object>();
        item.put("requestId", requestId);
        item.put("relativeUrl", relativeUrl);
        item.put("method", "POST");
        item.put("headers", List.of(Map.of("name", "Content-Type", "value", "application/json"),
                Map.of("name", FineractClient.IDEMPOTENCY_HEADER, "value", idempotencyKey)));
        item.put("body", jsonBody);
        return item;
    }

    private LinkedHashMap<String, Object> dated() {
        var body = new LinkedHashMap<String, Object>();
        body.put("locale", settings.locale());
        body.put("dateFormat", settings.dateFormat());
        return body;
    }

    private String today() {
        return LocalDate.now(clock.withZone(settings.zone()))
                .format(DateTimeFormatter.ofPattern(settings.dateFormat(), Locale.forLanguageTag(settings.locale())));
    }
}
