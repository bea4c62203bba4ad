package io.coregate.plugins.flexcube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's tenant document passes the factory's validation as written; defaults and problems name their fields. */
class FlexcubeSettingsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theReadmeTenantDocumentIsValidAsWritten() throws IOException {
        Matcher block = Pattern.compile("## Tenant document.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        assertTrue(block.find(), "the README's tenant document");
        Map<String, Object> document = new ObjectMapper().readValue(block.group(1), Map.class);
        var cbs = (Map<String, Object>) document.get("cbs");
        var accounts = (Map<String, String>) document.get("accounts");
        var context = new AdapterContext("fcubs-bank-a", "fcubsbanka", Set.of("ZMW"), new Settings((Map<String, Object>) cbs.get("settings")),
                FlexcubeContractTest.secrets(Map.of("username", "u", "password", "p")),
                new AccountMapping(Optional.of(accounts.get("disbursement")), Optional.of(accounts.get("collection"))), Duration.ofSeconds(5));
        assertEquals(java.util.List.of(), new FlexcubeAdapterFactory().validate(context));
        FlexcubeSettings settings = FlexcubeSettings.of(context);
        assertEquals("FCUBS", settings.ubscomp());
        assertTrue(settings.auth());
        assertEquals(FailureKind.BLOCKED, settings.errors().kindOf("LOCAL-FRZ"));
        assertEquals(Set.of("RT-XREF-01"), settings.duplicateCodes());
        assertEquals(16, settings.references().maxLength());
    }

    @Test
    void defaultsApplyAndHttpBasicWithoutItsSecretsIsAProblem() {
        var bank = FlexcubeSimulator.start();
        try {
            FlexcubeSettings settings = FlexcubeSettings.of(FlexcubeContractTest.context(bank, Map.of()));
            assertEquals("FCUBS", settings.ubscomp());
            assertEquals("MOJALOOP", settings.holdCode());
            assertFalse(settings.auth());
            assertEquals(FailureKind.REJECTED, settings.errors().kindOf("ANY-OTHER"));
            var problems = new FlexcubeAdapterFactory().validate(FlexcubeContractTest.context(
                    FlexcubeContractTest.settings(bank, Map.of("httpBasic", true)), FlexcubeContractTest.secrets(Map.of())));
            assertEquals(Set.of("cbs.secrets.username", "cbs.secrets.password"),
                    problems.stream().map(p -> p.field()).collect(java.util.stream.Collectors.toSet()));
        } finally {
            bank.close();
        }
    }
}
