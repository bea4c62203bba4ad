package io.coregate.plugins.mobilemoney;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.TransactionType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tenant's settings: defaults, the scenario's transaction type, and every problem named with its field. */
class MobileMoneySettingsTest {

    private static MobileMoneySettings settings(Map<String, Object> values, Map<String, String> secrets) {
        return MobileMoneySettings.of(MobileMoneyContractTest.context(values, MobileMoneyContractTest.secrets(secrets)));
    }

    private static List<String> problems(Map<String, Object> values, Map<String, String> secrets) {
        return MobileMoneySettings.problems(MobileMoneyContractTest.context(values, MobileMoneyContractTest.secrets(secrets))).stream()
                .map(SettingProblem::field).toList();
    }

    @Test
    void defaultsBookPaymentsAsMerchantPayAndEverythingElseAsTransfers() {
        var settings = settings(Map.of("baseUrl", "https://mm.operator.test/mm/v1.2/"), Map.of("apiKey", "k"));
        assertEquals("https://mm.operator.test/mm/v1.2", settings.baseUrl().toString());
        assertEquals("merchantpay", settings.debitType(TransactionType.PAYMENT));
        assertEquals("transfer", settings.debitType(TransactionType.TRANSFER));
        assertEquals("transfer", settings.debitType(TransactionType.WITHDRAWAL));
        assertEquals(Duration.ofSeconds(1), settings.checkAfter());
        assertEquals(20, settings.pollLimit());
        assertEquals("accountid", settings.walletKey());
        assertEquals("msisdn", settings.identifierTypes().get("MSISDN"));
        assertEquals(false, settings.balance());
        assertEquals(MobileMoneySettings.Auth.API_KEY_ONLY, settings.auth());
    }

    @Test
    void theTenantChoosesTheTypesAndIdentifiers() {
        var values = new HashMap<String, Object>(Map.of("baseUrl", "https://mm.test", "paymentType", "billpay", "transferType", "merchantpay",
                "identifierTypes", Map.of("ALIAS", "walletid"), "walletIdentifierType", "walletid"));
        var settings = settings(values, Map.of("apiKey", "k"));
        assertEquals("billpay", settings.debitType(TransactionType.PAYMENT));
        assertEquals("merchantpay", settings.debitType(TransactionType.TRANSFER));
        assertEquals("walletid", settings.identifierTypes().get("ALIAS"));
        assertEquals("walletid", settings.walletKey());
    }

    @Test
    void everyProblemIsNamedWithItsField() {
        assertEquals(List.of("cbs.settings.baseUrl", "cbs.secrets.apiKey"), problems(Map.of(), Map.of()));
        assertEquals(List.of("cbs.settings.baseUrl"), problems(Map.of("baseUrl", "ftp://x"), Map.of("apiKey", "k")));
        assertEquals(List.of("cbs.settings.transferType"), problems(Map.of("baseUrl", "https://mm.test", "transferType", "p2p"),
                Map.of("apiKey", "k")));
        assertEquals(List.of("cbs.settings.identifierTypes.PHONE"), problems(Map.of("baseUrl", "https://mm.test", "identifierTypes",
                Map.of("PHONE", "msisdn")), Map.of("apiKey", "k")));
        assertEquals(List.of("cbs.secrets.userBearer"), problems(Map.of("baseUrl", "https://mm.test", "auth", Map.of("type", "bearer")),
                Map.of("apiKey", "k")));
        assertEquals(List.of("cbs.settings.auth.tokenUrl", "cbs.settings.auth.clientId", "cbs.secrets.clientSecret"),
                problems(Map.of("baseUrl", "https://mm.test", "auth", Map.of("type", "oauth2")), Map.of()));
        assertEquals(List.of("cbs.settings.auth.type"), problems(Map.of("baseUrl", "https://mm.test", "auth", Map.of("type", "basic")),
                Map.of("apiKey", "k")));
        assertEquals(List.of("cbs.settings.checkAfterMillis", "cbs.settings.errorCodes"), problems(Map.of("baseUrl", "https://mm.test",
                "checkAfterMillis", -5, "errorCodes", Map.of("x", "NOPE")), Map.of("apiKey", "k")));
        var thrown = assertThrows(CbsException.class, () -> settings(Map.of(), Map.of()));
        assertTrue(thrown.getMessage().contains("cbs.settings.baseUrl"), thrown.getMessage());
    }
}
