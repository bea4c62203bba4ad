package io.coregate.plugins.fineract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings are read in one place, every problem is named with its field, and the bodies carry what Fineract needs. */
class FineractSettingsTest {

    @Test
    void everyProblemIsListedWithItsField() {
        var context = new AdapterContext("t", "tfsp", Set.of("ZMW"),
                new Settings(Map.of("httpTimeoutMillis", "soon", "errorCodes", Map.of("X", "MAYBE"), "dateFormat", "yyyy-MM-dd'",
                        "timeZone", "Nowhere/Town", "debitHolds", "sometimes")),
                FineractContractTest.secrets(Map.of()), new AccountMapping(Optional.empty(), Optional.of("EB-1")), Duration.ofSeconds(2));
        List<String> fields = FineractSettings.problems(context).stream().map(SettingProblem::field).toList();
        assertEquals(List.of("cbs.settings.baseUrl", "cbs.settings.tenantIdentifier", "cbs.settings.username",
                "cbs.settings.savingsProductId", "cbs.settings.dateFormat", "cbs.settings.timeZone", "cbs.settings.debitHolds",
                "accounts.disbursement",
                "accounts.collection", "cbs.settings.httpTimeoutMillis", "cbs.settings.errorCodes", "cbs.secrets.password"), fields);
        var refused = assertThrows(CbsException.class, () -> new FineractAdapterFactory().create(context));
        assertEquals(FailureKind.REJECTED, refused.kind());
        fields.forEach(field -> assertTrue(refused.getMessage().contains(field), refused.getMessage()));
        assertEquals(FineractSettings.problems(context), new FineractAdapterFactory().validate(context));
    }

    @Test
    void goodSettingsAreReadOnce() {
        var settings = FineractSettings.of(context(Map.of("baseUrl", "https://fineract.test/fineract-provider/api/v1/", "httpTimeoutMillis", 700,
                "locale", "fr", "dateFormat", "dd MMMM yyyy", "timeZone", "Africa/Lusaka", "errorCodes", Map.of("x.y", "LIMIT_EXCEEDED"))));
        assertEquals("https://fineract.test/fineract-provider/api/v1", settings.baseUrl().toString());
        assertEquals("default", settings.tenantIdentifier());
        assertEquals(4, settings.savingsProductId());
        assertEquals(Duration.ofMillis(700), settings.httpTimeout());
        assertEquals(ZoneId.of("Africa/Lusaka"), settings.zone());
        assertEquals(FailureKind.LIMIT_EXCEEDED, settings.errors().kindOf("x.y"));
        assertEquals(FailureKind.INSUFFICIENT_FUNDS, settings.errors().kindOf("error.msg.savingsaccount.transaction.insufficient.account.balance"));
        assertEquals(FailureKind.REJECTED, settings.errors().kindOf("error.msg.something.new"));
        assertEquals(17, settings.account(true, "ZMW"));
        assertEquals(18, settings.account(false, "ZMW"));
        assertEquals(27, settings.account(true, "USD"), "a per-currency account");
        assertTrue(settings.debitHolds(), "holds by default");
        assertFalse(FineractSettings.of(context(Map.of("debitHolds", false))).debitHolds());
    }

    @Test
    void bodiesCarryLocaleDateFormatAndThePlainAmount() {
        var settings = FineractSettings.of(context(Map.of("locale", "en", "dateFormat", "dd MMMM yyyy", "timeZone", "Africa/Lusaka")));
        var wire = new FineractWire(settings, Clock.fixed(Instant.parse("2026-12-05T22:30:00Z"), ZoneId.of("UTC")));
        var from = new FineractAccount(11, 101, 2, 1, "ZMW", 2, java.math.BigDecimal.ZERO, io.coregate.plugin.api.AccountStatus.ACTIVE,
                true, java.math.BigDecimal.TEN);
        var to = new FineractAccount(2, 1, 1, 9, "ZMW", 2, java.math.BigDecimal.ZERO, io.coregate.plugin.api.AccountStatus.ACTIVE,
                true, java.math.BigDecimal.ZERO);
        var transfer = wire.transfer(from, to, Money.of("1E+2", "ZMW"), "Mojaloop TRANSFER Bob t-1-debit");
        assertEquals(Map.ofEntries(Map.entry("locale", "en"), Map.entry("dateFormat", "dd MMMM yyyy"), Map.entry("fromOfficeId", 2L),
                Map.entry("fromClientId", 101L), Map.entry("fromAccountType", 2), Map.entry("fromAccountId", 11L), Map.entry("toOfficeId", 1L),
                Map.entry("toClientId", 1L), Map.entry("toAccountType", 2), Map.entry("toAccountId", 2L),
                Map.entry("transferDate", "06 December 2026"), Map.entry("transferAmount", "100"),
                Map.entry("transferDescription", "Mojaloop TRANSFER Bob t-1-debit")), transfer, "the business day in Lusaka");
        assertEquals(Map.of("locale", "en", "dateFormat", "dd MMMM yyyy", "transactionDate", "06 December 2026", "transactionAmount", "12.5",
                "reasonForBlock", "r"), wire.hold(Money.of("12.50", "ZMW"), "r"));
        assertEquals(Map.of("locale", "en", "dateFormat", "dd MMMM yyyy"), wire.release());
    }

    @Test
    void keysFitFineractsFiftyCharacters() {
        String uuid = "b51ec534-ee48-4575-b6a9-ead2955b8069";
        assertEquals(uuid + "-unblock", FineractAdapter.KEYS.key(uuid, io.coregate.plugin.support.keys.Leg.RELEASE_HOLD));
        String ulidLike = "01J9Z8Q4V6N3X2R7T5M1K0H8G6-" + uuid;
        for (var leg : io.coregate.plugin.support.keys.Leg.values()) {
            assertTrue(FineractAdapter.KEYS.key(ulidLike, leg).length() <= 50, leg.name());
        }
    }

    private static AdapterContext context(Map<String, Object> extra) {
        var values = new java.util.HashMap<String, Object>(Map.of("baseUrl", "https://fineract.test/api/v1", "tenantIdentifier", "default",
                "username", "coregate", "savingsProductId", 4));
        values.putAll(extra);
        var usd = new AccountMapping(Optional.of("27"), Optional.of("28"));
        return new AdapterContext("t", "tfsp", Set.of("ZMW", "USD"), new Settings(values), FineractContractTest.secrets(Map.of("password", "p")),
                new AccountMapping(Optional.of("17"), Optional.of("18"), Optional.empty(), Map.of("USD", usd)), Duration.ofSeconds(2));
    }
}
