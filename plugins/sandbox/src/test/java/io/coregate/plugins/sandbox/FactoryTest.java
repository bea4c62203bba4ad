package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.ALICE;
import static io.coregate.plugins.sandbox.Fixtures.assertAmount;
import static io.coregate.plugins.sandbox.Fixtures.creditToAlice;
import static io.coregate.plugins.sandbox.Fixtures.debit;
import static io.coregate.plugins.sandbox.Fixtures.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FactoryTest {

    @Test
    void factoryIsListedInThePf4jExtensionIndex() throws IOException {
        StringBuilder indexes = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                indexes.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(indexes.toString().contains(SandboxAdapterFactory.class.getName()),
                "META-INF/extensions.idx does not list the factory: is the PF4J annotation processor running?");
    }

    @Test
    void mappedDisbursementAndCollectionAccountsAreUsed() {
        AdapterContext base = Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of()));
        AdapterContext mapped = new AdapterContext(base.tenantId(), base.dfspId(), base.currencies(), base.settings(),
                base.secrets(), new AccountMapping(Optional.of("FLOAT-1"), Optional.of("COLL-1")), base.timeout());
        CoreBankingAdapter adapter = new SandboxAdapterFactory().create(mapped);
        done(adapter.commitCredit(creditToAlice("t1", "10")));
        done(adapter.debit(debit("t2", ALICE, "4")));
        assertAmount("-10", Fixtures.ownFunds(adapter, "FLOAT-1"));
        assertAmount("4", Fixtures.ownFunds(adapter, "COLL-1"));
        Fixtures.assertFailed(FailureKind.NOT_FOUND, adapter.balance(SandboxAdapterFactory.DEFAULT_COLLECTION, "ZMW"));
    }

    @Test
    void emptySettingsMakeAnEmptyBank() {
        CoreBankingAdapter adapter = new SandboxAdapterFactory().create(Fixtures.context("t", Fixtures.settings(
                Map.of("accounts", List.of()))));
        Fixtures.assertFailed(FailureKind.NOT_FOUND, adapter.lookupParty(ALICE));
        assertTrue(adapter.health().up());
    }

    @Test
    void accountWithoutNumberIsRejected() {
        assertRejected("accounts[0].accountNo", () -> create(Map.of("accounts", List.of(Map.of("currency", "ZMW")))));
    }

    @Test
    void accountWithBadBalanceIsRejected() {
        assertRejected("accounts[0].balance", () -> create(Map.of("accounts", List.of(account("balance", "lots")))));
        assertRejected("accounts[0].balance", () -> create(Map.of("accounts", List.of(account("balance", "-1")))));
    }

    @Test
    void accountWithBadStatusOrDateIsRejected() {
        assertRejected("accounts[0].status", () -> create(Map.of("accounts", List.of(account("status", "FROZEN")))));
        assertRejected("accounts[0].dateOfBirth", () -> create(Map.of("accounts", List.of(account("dateOfBirth", "3/2/1990")))));
    }

    @Test
    void faultWithUnknownOperationOrKindIsRejected() {
        assertRejected("faults[0].operation", () -> create(Map.of("faults", List.of(Map.of("operation", "pay", "kind", "HANG")))));
        assertRejected("faults[0].kind", () -> create(Map.of("faults", List.of(Map.of("operation", "debit", "kind", "OOPS")))));
    }

    @Test
    void negativeLatencyAndBadQuoteFeeAreRejected() {
        assertRejected("latencyMillis", () -> create(Map.of("latencyMillis", -1)));
        assertRejected("quoteFee", () -> create(Map.of("quoteFee", "free")));
    }

    @Test
    void aNegativeOrUnreadableHouseCreditLineIsRejected() {
        assertRejected("houseCreditLine", () -> create(Map.of("houseCreditLine", "-1")));
        assertRejected("houseCreditLine", () -> create(Map.of("houseCreditLine", "lots")));
    }

    static void assertRejected(String key, Executable create) {
        CbsException e = assertThrows(CbsException.class, create);
        assertEquals(FailureKind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    private static void create(Map<String, Object> settings) {
        new SandboxAdapterFactory().create(Fixtures.context("t", Fixtures.settings(settings)));
    }

    private static Map<String, Object> account(String key, String value) {
        return Map.of("accountNo", "SB-1", "currency", "ZMW", key, value);
    }
}
