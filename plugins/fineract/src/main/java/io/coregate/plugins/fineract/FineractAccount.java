package io.coregate.plugins.fineract;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import java.math.BigDecimal;

/**
 * A Fineract savings account as {@code GET /savingsaccounts/{id}} describes it, with the office of its client (which
 * {@code POST /accounttransfers} needs). Immutable and thread-safe.
 *
 * @param id            the savings account id (what CoreGate calls the account number)
 * @param clientId      its client
 * @param officeId      the client's office
 * @param productId     its savings product
 * @param currency      ISO 4217 code
 * @param decimalPlaces the currency's decimal places in Fineract
 * @param inMultiplesOf amounts must be multiples of this (zero: no rule)
 * @param status        what Fineract's status and sub-status allow
 * @param creditable    whether Fineract takes credits: active and blocked neither in full nor for credits
 * @param available     {@code summary.availableBalance}
 */
record FineractAccount(long id, long clientId, long officeId, long productId, String currency, int decimalPlaces,
                       BigDecimal inMultiplesOf, AccountStatus status, boolean creditable, BigDecimal available) {

    /** The account of a {@code GET /savingsaccounts/{id}} body whose client is in {@code officeId}. */
    static FineractAccount of(JsonNode account, long officeId) {
        JsonNode currency = account.path("currency");
        return new FineractAccount(account.path("id").asLong(), account.path("clientId").asLong(), officeId,
                account.path("savingsProductId").asLong(), currency.path("code").asText(), currency.path("decimalPlaces").asInt(2),
                new BigDecimal(currency.path("inMultiplesOf").asText("0")), status(account), creditable(account),
                new BigDecimal(account.path("summary").path("availableBalance").asText("0")));
    }

    /**
     * Whether Fineract lets money move on the account: closed (or escheated) is {@code CLOSED}; dormant or inactive is
     * {@code DORMANT}; not active, or blocked in full, for credits or for debits, is {@code BLOCKED}.
     */
    static AccountStatus status(JsonNode account) {
        JsonNode status = account.path("status");
        JsonNode sub = account.path("subStatus");
        if (status.path("closed").asBoolean(false) || status.path("prematureClosed").asBoolean(false) || sub.path("escheat").asBoolean(false)) {
            return AccountStatus.CLOSED;
        }
        if (sub.path("dormant").asBoolean(false) || sub.path("inactive").asBoolean(false)) {
            return AccountStatus.DORMANT;
        }
        if (!status.path("active").asBoolean(false) || sub.path("block").asBoolean(false) || sub.path("blockCredit").asBoolean(false)
                || sub.path("blockDebit").asBoolean(false)) {
            return AccountStatus.BLOCKED;
        }
        return AccountStatus.ACTIVE;
    }

    private static boolean creditable(JsonNode account) {
        JsonNode sub = account.path("subStatus");
        return account.path("status").path("active").asBoolean(false) && !sub.path("block").asBoolean(false)
                && !sub.path("blockCredit").asBoolean(false);
    }

    /**
     * This account when Fineract can book the amount on it exactly; a failure when its currency differs, it has more
     * decimals than the currency, or it is not a multiple of {@code inMultiplesOf} (Fineract would round it: never).
     */
    Outcome<FineractAccount> accepts(Money amount) {
        if (!currency.equals(amount.currency())) {
            return Outcome.failed(FailureKind.UNSUPPORTED_CURRENCY, "Fineract savings account " + id + " holds " + currency + ", not "
                    + amount.currency());
        }
        BigDecimal value = amount.amount().stripTrailingZeros();
        if (Math.max(0, value.scale()) > decimalPlaces) {
            return Outcome.failed(FailureKind.REJECTED, "amount " + amount.plain() + " " + currency + " has more than the "
                    + decimalPlaces + " decimal places Fineract keeps for " + currency + " (savings account " + id + ")");
        }
        if (inMultiplesOf.signum() > 0 && value.remainder(inMultiplesOf).signum() != 0) {
            return Outcome.failed(FailureKind.REJECTED, "amount " + amount.plain() + " " + currency + " is not a multiple of "
                    + inMultiplesOf.toPlainString() + " (inMultiplesOf of savings account " + id + "); refused instead of rounded");
        }
        return Outcome.done(this);
    }
}
