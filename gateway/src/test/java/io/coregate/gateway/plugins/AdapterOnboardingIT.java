package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.PluginJarBuilder;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin API 2.0.0 contract as a real gateway keeps it with a real plugin jar: onboarding asks the factory to
 * validate (400 listing each field, not a 503 at the first call) and checks the adapter's id types; every money call
 * carries its own leg key and the transfer's context (transaction id from the quote, names, FSPs, fee, expiry, the
 * payee as resolved at the quote); a lookup has its own timeout; a DEGRADED CBS shows in the health detail and gauges.
 * The "recorder" plugin writes what each money call received to a journal file named in its settings.
 */
class AdapterOnboardingIT {

    private static final String RECORDER = """
        package test.recorder;

        import io.coregate.plugin.api.*;
        import java.io.IOException;
        import java.io.UncheckedIOException;
        import java.nio.file.Files;
        import java.nio.file.Path;
        import java.nio.file.StandardOpenOption;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Optional;
        import java.util.Set;

        @org.pf4j.Extension
        public final class Factory implements CoreBankingAdapterFactory {
            @Override
            public List<SettingProblem> validate(AdapterContext context) {
                var problems = new ArrayList<SettingProblem>();
                if (context.settings().string("journal").isEmpty()) {
                    problems.add(SettingProblem.setting("journal", "is required: the file the recorder appends to"));
                }
                if (!context.secrets().names().contains("apiKey")) {
                    problems.add(SettingProblem.secret("apiKey", "is required: a reference to the recorder's API key"));
                }
                context.settings().string("mode").filter(m -> !Set.of("ok", "degraded").contains(m))
                    .ifPresent(m -> problems.add(SettingProblem.setting("mode", "must be ok or degraded, was " + m)));
                return problems;
            }

            @Override
            public CoreBankingAdapter create(AdapterContext context) {
                return new Adapter(Path.of(context.settings().requireString("journal")), context.settings().string("mode").orElse("ok"),
                    context.settings().number("lookupSleepMillis", 0));
            }

            static final class Adapter implements CoreBankingAdapter {
                private final Path journal;
                private final String mode;
                private final long sleep;

                Adapter(Path journal, String mode, long sleep) {
                    this.journal = journal;
                    this.mode = mode;
                    this.sleep = sleep;
                }

                public Set<String> supportedIdTypes() { return Set.of("MSISDN", "ACCOUNT_ID"); }

                public Outcome<Party> lookupParty(PartyId id) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Outcome.failed(FailureKind.TIMEOUT, "interrupted");
                    }
                    return Outcome.done(new Party(id, "ACC-" + id.idValue(), "Pat", Optional.empty(), "Payee", "Pat Payee", Optional.empty(),
                        Set.of("ZMW"), AccountStatus.ACTIVE, Optional.empty()));
                }
                public Outcome<Receipt> reserveCredit(CreditRequest r) { return record("reserveCredit", r); }
                public Outcome<Receipt> commitCredit(CreditRequest r) { return record("commitCredit", r); }
                public Outcome<Receipt> releaseCredit(CreditRequest r) { return record("releaseCredit", r); }
                public Outcome<Receipt> debit(DebitRequest r) { return Outcome.failed(FailureKind.REJECTED, "n/a"); }
                public Outcome<Receipt> refund(DebitRequest r) { return Outcome.failed(FailureKind.REJECTED, "n/a"); }
                public Outcome<TransactionStatus> status(String transferId, Optional<String> ref) {
                    return Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
                }
                public HealthStatus health() {
                    return "degraded".equals(mode) ? HealthStatus.degraded("recorder backlog") : HealthStatus.up("recorder ok");
                }

                private Outcome<Receipt> record(String operation, CreditRequest r) {
                    TransferContext c = r.context();
                    String line = String.join("|", operation, r.key(), String.valueOf(r.attempt()), c.transactionId().orElse("-"),
                        c.quoteId().orElse("-"), c.type().name(), c.payer().name().orElse("-"), c.payer().fspId().orElse("-"),
                        c.payee().fspId().orElse("-"), c.amount().toString(), c.fee().toString(), String.valueOf(c.minorUnits()),
                        String.valueOf(c.expiresAt().isPresent()), c.customer().map(Party::accountNo).orElse("-"),
                        c.homeTransactionId().orElse("-")) + "\\n";
                    try {
                        Files.writeString(journal, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Outcome.done(new Receipt("R-" + r.key()));
                }
            }
        }
        """;

    private static TestGateway gateway;
    private static Path journal;

    @BeforeAll
    static void start() throws IOException {
        gateway = TestGateway.start();
        Path dropIn = Files.createDirectories(gateway.workDir().resolve("plugins"));
        journal = gateway.workDir().resolve("recorder.journal");
        PluginJarBuilder.plugin("recorder", "1.0.0").source("test.recorder.Factory", RECORDER).extension("test.recorder.Factory")
            .build(dropIn.resolve("recorder.jar"));
        Plugins.await(gateway, e -> "recorder".equals(e.get("id")) && "STARTED".equals(e.get("state")), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aDocumentThePluginRefusesIs400ListingEachFieldAndNothingIsStored() {
        var doc = recorder("refused", Map.of("mode", "sometimes"), Map.of());
        doc.put("supportedIdTypes", List.of("MSISDN", "EMAIL"));
        var put = gateway.admin().put("/admin/tenants/refused", doc);
        assertEquals(400, put.status(), put.body());
        assertEquals("3100", put.field("statusCode"), put.body());
        for (String field : List.of("cbs.settings.journal", "cbs.secrets.apiKey", "cbs.settings.mode")) {
            assertTrue(put.body().contains("\"" + field + "\""), field + " missing in " + put.body());
        }
        assertEquals(404, gateway.admin().get("/admin/tenants/refused").status());

        var fixed = recorder("refused", Map.of("journal", journal.toString()), Map.of("apiKey", "env:REFUSED_API_KEY"));
        fixed.put("supportedIdTypes", List.of("MSISDN", "EMAIL"));
        var ids = gateway.admin().put("/admin/tenants/refused", fixed);
        assertEquals(400, ids.status(), ids.body());
        assertTrue(ids.body().contains("\"supportedIdTypes[1]\"") && ids.body().contains("EMAIL"), ids.body());
    }

    @Test
    void aBadSandboxSettingIs400WithItsFieldInsteadOf503AtTheFirstCall() {
        var doc = Tenants.sandbox("badsandbox", Map.of("accounts", Tenants.standardAccounts(), "quoteFee", "-1",
            "faults", List.of(Map.of("operation", "debit", "kind", "SOMETIMES"))));
        var put = gateway.admin().put("/admin/tenants/badsandbox", doc);
        assertEquals(400, put.status(), put.body());
        assertTrue(put.body().contains("\"cbs.settings.quoteFee\"") && put.body().contains("\"cbs.settings.faults[0]\""), put.body());
    }

    @Test
    void everyMoneyCallCarriesItsLegKeyAndTheTransfersContext() throws IOException {
        var doc = recorder("ctx", Map.of("journal", journal.toString()), Map.of("apiKey", "env:CTX_API_KEY"));
        assertEquals(201, gateway.admin().put("/admin/tenants/ctx", doc).status());
        var backend = new Backend(gateway, "ctx");
        var quoteRequest = Payee.quote(Payee.id(), "260971000009", "SEND", "100");
        quoteRequest.put("to", Payee.party("MSISDN", "260971000009", "ctxdfsp"));
        var from = new LinkedHashMap<String, Object>(Payee.party("MSISDN", "260961111111", "payerfsp"));
        from.put("displayName", "Mary Payer");
        quoteRequest.put("from", from);
        var quote = backend.quote(quoteRequest);
        assertEquals(200, quote.status(), quote.body());
        String transferId = Payee.id();
        var reserved = backend.prepare(Payee.transfer(transferId, quoteRequest, quote.json()));
        assertEquals(200, reserved.status(), reserved.body());
        assertEquals(200, backend.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());

        List<String[]> calls = Files.readAllLines(journal).stream().map(l -> l.split("\\|")).filter(f -> f[1].startsWith(transferId))
            .toList();
        assertEquals(2, calls.size(), String.valueOf(calls.stream().map(List::of).toList()));
        String[] reserve = calls.get(0);
        String[] commit = calls.get(1);
        assertEquals(List.of("reserveCredit", transferId + "-reserve", "1"), List.of(reserve).subList(0, 3));
        assertEquals(List.of("commitCredit", transferId + "-commit", "1"), List.of(commit).subList(0, 3));
        assertNotEquals(reserve[1], commit[1]);
        for (String[] call : calls) {
            assertEquals(quoteRequest.get("transactionId"), call[3], "transactionId");
            assertEquals(quoteRequest.get("quoteId"), call[4], "quoteId");
            assertEquals("TRANSFER", call[5]);
            assertEquals("Mary Payer", call[6], "payer name");
            assertEquals("payerfsp", call[7], "payer FSP");
            assertEquals("ctxdfsp", call[8], "payee FSP");
            assertEquals("100 ZMW", call[9], "amount");
            assertEquals("0 ZMW", call[10], "fee");
            assertEquals("2", call[11], "minor units");
            assertEquals("true", call[12], "expiry");
            assertEquals("ACC-260971000009", call[13], "the payee as resolved at the quote");
            assertEquals(reserved.field("homeTransactionId"), call[14]);
        }
    }

    @Test
    void aLookupHasItsOwnTimeoutApartFromPostings() {
        var slow = recorder("slowlookup", Map.of("journal", journal.toString(), "lookupSleepMillis", 600),
            Map.of("apiKey", "env:SLOWLOOKUP_API_KEY"));
        assertEquals(201, gateway.admin().put("/admin/tenants/slowlookup", slow).status());
        assertEquals(200, gateway.sdk().get("/slowlookup/parties/MSISDN/260971000009").status(), "within the 2000 ms default");

        cbs(slow).put("timeouts", Map.of("lookup", 200, "posting", 3000));
        var put = gateway.admin().put("/admin/tenants/slowlookup", slow);
        assertEquals(200, put.status(), put.body());
        var lookup = gateway.sdk().get("/slowlookup/parties/MSISDN/260971000009");
        assertEquals("2004", lookup.field("statusCode"), lookup.body());

        cbs(slow).put("timeouts", Map.of("lookup", 10));
        var invalid = gateway.admin().put("/admin/tenants/slowlookup", slow);
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.body().contains("cbs.timeouts.lookup"), invalid.body());
    }

    @Test
    void aDegradedCbsShowsInTheHealthDetailAndGaugesWithoutUnreadiness() {
        var doc = recorder("degraded", Map.of("journal", journal.toString(), "mode", "degraded"), Map.of("apiKey", "env:DEGRADED_API_KEY"));
        assertEquals(201, gateway.admin().put("/admin/tenants/degraded", doc).status());
        gateway.cbsHealth().refresh();
        String health = gateway.admin().get("/observe/health").body();
        assertTrue(health.contains("DEGRADED: recorder backlog"), health);
        assertEquals(200, gateway.anonymousAdmin().get("/observe/health/ready").status());
        String metrics = gateway.admin().with("Accept", "text/plain").get("/observe/metrics").body();
        assertTrue(metrics.matches("(?s).*coregate_cbs_degraded\\{[^}]*tenant=\"degraded\"[^}]*} 1(\\.0)?\\n.*"), "degraded gauge");
        assertTrue(metrics.matches("(?s).*coregate_cbs_up\\{[^}]*tenant=\"degraded\"[^}]*} 1(\\.0)?\\n.*"), "up gauge");
    }

    private static Map<String, Object> recorder(String dfspId, Map<String, Object> settings, Map<String, Object> secrets) {
        var doc = Tenants.sandbox(dfspId + "dfsp", settings);
        cbs(doc).put("plugin", "recorder");
        cbs(doc).put("secrets", secrets);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cbs(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("cbs");
    }
}
