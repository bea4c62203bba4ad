package io.coregate.plugins.t24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Settings are read in one place, every problem is named with its field, and the README's tenant document passes. */
class T24SettingsTest {

    @Test
    void everyProblemIsListedWithItsField() {
        var context = new AdapterContext("t", "tfsp", Set.of("ZMW"), new Settings(Map.of("httpTimeoutMillis", "soon",
                "errorCodes", Map.of("AC-1", "MAYBE"))), T24ContractTest.secrets(Map.of()), AccountMapping.none(), Duration.ofSeconds(2));
        assertEquals(List.of("accounts.collection", "accounts.disbursement", "cbs.secrets.password", "cbs.secrets.username",
                "cbs.settings.baseUrl", "cbs.settings.errorCodes", "cbs.settings.httpTimeoutMillis", "cbs.settings.paymentOrderProductId"),
                fields(T24Settings.problems(context)).stream().sorted().toList());
        var refused = assertThrows(CbsException.class, () -> new T24AdapterFactory().create(context));
        assertEquals(FailureKind.REJECTED, refused.kind());
        assertTrue(refused.getMessage().contains("cbs.settings.paymentOrderProductId"), refused.getMessage());
    }

    @Test
    void orderFieldsAreAcceptedOnlyFromTheAllowList() {
        var problems = T24Settings.problems(context(Map.of("orderFields", Map.of("chargeBearer", "OUR", "creditAccountId", "999",
                "transactionAmount", "1000000", "orderingReference", "X"))));
        assertEquals(List.of("cbs.settings.orderFields.creditAccountId", "cbs.settings.orderFields.orderingReference",
                "cbs.settings.orderFields.transactionAmount"), fields(problems).stream().sorted().toList());
    }

    @Test
    void eachAuthenticationNamesItsOwnSecrets() {
        assertEquals(List.of("cbs.settings.auth.tokenUrl", "cbs.settings.auth.clientId"),
                fields(T24Settings.problems(context(Map.of("auth", Map.of("type", "oauth2"))))));
        var oauth = Map.<String, Object>of("auth", Map.of("type", "oauth2", "tokenUrl", "https://idp.bank.test/token", "clientId", "cg"));
        assertEquals(List.of("cbs.secrets.clientSecret"), fields(T24Settings.problems(context(oauth))));
        assertEquals(List.of("cbs.settings.auth.type"), fields(T24Settings.problems(context(Map.of("auth", Map.of("type", "ntlm"))))));
        assertEquals(List.of("cbs.secrets.apiToken"), fields(T24Settings.problems(context(Map.of("auth", Map.of("type", "bearer"))))));
    }

    @Test
    void pathsMustCarryTheirPlaceholderAndMsisdnsMapToAccounts() {
        var problems = T24Settings.problems(context(Map.of("lockPath", "/holdings/locks", "orderSearchPath", "order/paymentOrders",
                "msisdnSearchPath", "/party/customers/", "msisdnAccounts", Map.of("26097", "100", "not-a-number", "200"),
                "customerStatuses", Map.of("3", "FROZEN"))));
        assertEquals(List.of("cbs.settings.customerStatuses.3", "cbs.settings.lockPath", "cbs.settings.msisdnAccounts.not-a-number",
                "cbs.settings.msisdnSearchPath", "cbs.settings.orderSearchPath"), fields(problems).stream().sorted().toList());
    }

    @Test
    void goodSettingsAreReadOnce() {
        var settings = T24Settings.of(context(Map.of("baseUrl", "https://t24.bank.test/api/v1.0.0/", "httpTimeoutMillis", 700,
                "errorCodes", Map.of("FT-DUP", "REJECTED", "AC-LOCAL.BLOCK", "BLOCKED"), "orderFields", Map.of("chargeBearer", "OUR"))));
        assertEquals("https://t24.bank.test/api/v1.0.0", settings.baseUrl().toString());
        assertEquals(Duration.ofMillis(700), settings.httpTimeout(io.coregate.plugin.api.Operation.POSTING));
        assertEquals(FailureKind.BLOCKED, settings.errors().kindOf("AC-LOCAL.BLOCK"));
        assertEquals(FailureKind.INSUFFICIENT_FUNDS, settings.errors().kindOf("ACCT.UNAUTH.OD"));
        assertEquals(FailureKind.REJECTED, settings.errors().kindOf("SOMETHING.NEW"));
        assertEquals(T24Settings.DEFAULT_ORDER_SEARCH, settings.orderSearchPath());
        assertEquals(Map.of("chargeBearer", "OUR"), settings.orderFields());
        assertEquals("F", settings.disbursement("ZMW"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadmeTenantDocumentValidatesAndCreatesAnAdapter() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("## Tenant document.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README's tenant document");
        Map<String, Object> document = new ObjectMapper().readValue(block.group(1), Map.class);
        Map<String, Object> cbs = (Map<String, Object>) document.get("cbs");
        Map<String, String> accounts = (Map<String, String>) document.get("accounts");
        Map<String, String> secrets = (Map<String, String>) cbs.get("secrets");
        var context = new AdapterContext("t24-bank-a", (String) document.get("dfspId"), Set.copyOf((List<String>) document.get("currencies")),
                new Settings((Map<String, Object>) cbs.get("settings")), T24ContractTest.secrets(secrets),
                new AccountMapping(Optional.of(accounts.get("disbursement")), Optional.of(accounts.get("collection"))), Duration.ofSeconds(5));
        assertEquals(List.of(), new T24AdapterFactory().validate(context));
        try (var adapter = new T24AdapterFactory().create(context)) {
            assertEquals(Set.of("ACCOUNT_ID", "MSISDN"), adapter.supportedIdTypes());
            assertTrue(adapter.capabilities().contains(io.coregate.plugin.api.Capability.CREDIT_HOLD), "locks configured");
        }
    }

    private static AdapterContext context(Map<String, Object> settings) {
        var values = new java.util.HashMap<String, Object>(Map.of("baseUrl", "https://t24.bank.test/api/v1.0.0", "paymentOrderProductId", "P"));
        values.putAll(settings);
        return new AdapterContext("t", "tfsp", Set.of("ZMW"), new Settings(values),
                T24ContractTest.secrets(Map.of("username", "u", "password", "p")),
                new AccountMapping(Optional.of("F"), Optional.of("C")), Duration.ofSeconds(2));
    }

    private static List<String> fields(List<SettingProblem> problems) {
        return problems.stream().map(SettingProblem::field).toList();
    }
}
