package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.ALICE;
import static io.coregate.plugins.sandbox.Fixtures.BOB;
import static io.coregate.plugins.sandbox.Fixtures.CAROL;
import static io.coregate.plugins.sandbox.Fixtures.NOBODY;
import static io.coregate.plugins.sandbox.Fixtures.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.api.TransactionStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties: whatever operations run, in sequence or at once, money is neither created, destroyed nor overdrawn. */
class ConservationTest {

    private static final List<PartyId> PARTIES = List.of(ALICE, BOB, CAROL, NOBODY);
    private static final List<String> ACCOUNTS = List.of("SB-0001", "SB-0002", "SB-0003", "SB-404");

    static Stream<Long> seeds() {
        return LongStream.range(0, 50).boxed();
    }

    /** Odd seeds answer debits and commits pending and settle them a few milliseconds later, concurrently. */
    private static Optional<AsyncDesk> asyncFor(long seed, Bank bank) {
        if (seed % 2 == 0) {
            return Optional.empty();
        }
        Settings settings = new Settings(Map.of("async", Map.of("operations", List.of("debit", "commitCredit", "captureDebit"),
                "settleAfterMillis", 2, "via", "polling")));
        return AsyncPlan.parse(settings).map(plan -> new AsyncDesk(bank, plan, Optional.empty()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomOperationsNeverCreateOrDestroyMoneyNorOverdrawCustomers(long seed) {
        Random random = new Random(seed);
        Bank bank = new Bank("conserve");
        List<Settings> listed = Fixtures.settings(Map.of()).objects("accounts");
        bank.open(IntStream.range(0, listed.size()).mapToObj(i -> AccountSpec.parse(listed.get(i), i)).toList());
        SandboxAdapter adapter = new SandboxAdapter(bank, io.coregate.plugin.api.AccountMapping.none(), BigDecimal.ZERO,
                FaultPlan.parse(Settings.empty()), java.util.Optional.empty(), asyncFor(seed, bank), true);
        Map<String, BigDecimal> before = bank.totals();
        for (int step = 0; step < 300; step++) {
            int who = random.nextInt(PARTIES.size());
            String transferId = "t" + random.nextInt(20);
            Money amount = new Money(BigDecimal.valueOf(random.nextInt(20_000), 2), "ZMW");
            CreditRequest credit = new CreditRequest(transferId, Fixtures.party(PARTIES.get(who), ACCOUNTS.get(who)), amount,
                    Optional.empty());
            DebitRequest debit = new DebitRequest(transferId, PARTIES.get(who), amount, Optional.empty());
            switch (random.nextInt(8)) {
                case 0 -> adapter.reserveCredit(credit);
                case 1 -> adapter.commitCredit(credit);
                case 2 -> adapter.releaseCredit(credit);
                case 3 -> adapter.debit(debit);
                case 4 -> adapter.refund(debit);
                case 5 -> adapter.holdDebit(debit);
                case 6 -> adapter.captureDebit(debit);
                default -> adapter.releaseDebit(debit);
            }
            assertEquals(before, bank.totals(), "after step " + step);
            for (String accountNo : ACCOUNTS.subList(0, 3)) {
                BigDecimal available = Fixtures.available(adapter, accountNo);
                assertTrue(available.signum() >= 0, accountNo + " overdrawn to " + available + " after step " + step);
            }
        }
    }

    @Test
    @Timeout(30)
    void concurrentDebitsNeverOverdrawAndBookEachTransferOnce() {
        CoreBankingAdapter adapter = Fixtures.adapter();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 400; i++) {
                String transferId = "t" + (i % 200);
                pool.submit(() -> adapter.debit(Fixtures.debit(transferId, BOB, "1")));
            }
        }
        long booked = IntStream.range(0, 200)
                .filter(i -> Fixtures.done(adapter.status("t" + i, Optional.empty())).state() == TransactionStatus.State.COMPLETED)
                .count();
        assertEquals(100, booked);
        assertAmount("0", Fixtures.available(adapter, "SB-0002"));
        assertAmount("100", Fixtures.ownFunds(adapter, SandboxAdapterFactory.DEFAULT_COLLECTION));
    }
}
