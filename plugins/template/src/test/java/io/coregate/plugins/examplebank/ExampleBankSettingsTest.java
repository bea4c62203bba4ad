package io.coregate.plugins.examplebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings are read in one place, and every problem is named with its field before any call is made. */
class ExampleBankSettingsTest {

    @Test
    void everyProblemIsListedWithItsField() {
        var context = new AdapterContext("t", "tfsp", Set.of("ZMW"),
                new Settings(Map.of("httpTimeoutMillis", "soon", "errorCodes", Map.of("AC-1", "MAYBE"))),
                name -> Optional.empty(), AccountMapping.none(), Duration.ofSeconds(2));
        List<String> fields = ExampleBankSettings.problems(context).stream().map(ExampleBankSettings.Problem::field).toList();
        assertEquals(List.of("cbs.settings.baseUrl", "accounts.disbursement", "accounts.collection", "cbs.settings.httpTimeoutMillis",
                "cbs.settings.errorCodes", "cbs.secrets.apiToken"), fields);
        var refused = assertThrows(CbsException.class, () -> new ExampleBankAdapterFactory().create(context));
        assertEquals(FailureKind.REJECTED, refused.kind());
        fields.forEach(field -> assertTrue(refused.getMessage().contains(field), refused.getMessage()));
    }

    @Test
    void aBaseUrlMustBeAnAbsoluteHttpUrl() {
        for (String url : List.of("ftp://bank.test", "bank.test/api", "http://", "not a url")) {
            var problems = ExampleBankSettings.problems(context(Map.of("baseUrl", url)));
            assertEquals(List.of("cbs.settings.baseUrl"), problems.stream().map(ExampleBankSettings.Problem::field).toList(), url);
        }
    }

    @Test
    void goodSettingsAreReadOnce() {
        var settings = ExampleBankSettings.of(context(Map.of("baseUrl", "https://bank.test/api/", "httpTimeoutMillis", 700,
                "errorCodes", Map.of("RULE_VIOLATION", "LIMIT_EXCEEDED"))));
        assertEquals("https://bank.test/api", settings.baseUrl().toString());
        assertEquals(Duration.ofMillis(700), settings.httpTimeout());
        assertEquals(FailureKind.LIMIT_EXCEEDED, settings.errors().kindOf("RULE_VIOLATION"));
        assertEquals(FailureKind.BLOCKED, settings.errors().kindOf("ACCOUNT_BLOCKED"));
        assertEquals(FailureKind.REJECTED, settings.errors().kindOf("SOMETHING_NEW"));
    }

    private static AdapterContext context(Map<String, Object> settings) {
        return new AdapterContext("t", "tfsp", Set.of("ZMW"), new Settings(settings), name -> Optional.of("token"),
                new AccountMapping(Optional.of("F"), Optional.of("C")), Duration.ofSeconds(2));
    }
}
