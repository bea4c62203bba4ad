package io.coregate.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a benchmark run does.
 *
 * @param quick          the smoke mode ({@code --quick}): fewer concurrencies, shorter runs, fewer tenants
 * @param concurrencies  client counts of every scenario and of pgbench
 * @param seconds        measured seconds per run
 * @param warmupSeconds  unmeasured seconds before each run
 * @param tenants        payee and payer tenants the sequences are spread over
 * @param scaleTenants   tenants onboarded for the tenant-scale run
 * @param ledgerAccounts accounts of the many-accounts ledger run
 * @param only           the parts to run ({@code --only=payee,payer}: baselines, payee, payer, ledger, scale, restart); empty: all
 */
record Options(boolean quick, List<Integer> concurrencies, double seconds, double warmupSeconds, int tenants, int scaleTenants,
               int ledgerAccounts, Set<String> only) {

    /** The parts of a run, in order. */
    static final List<String> PARTS = List.of("baselines", "payee", "payer", "ledger", "scale", "restart");

    static Options parse(String[] args) {
        List<String> list = List.of(args);
        boolean quick = list.contains("--quick");
        Set<String> only = list.stream().filter(a -> a.startsWith("--only=")).flatMap(a -> Arrays.stream(a.substring(7).split(",")))
            .collect(Collectors.toUnmodifiableSet());
        if (!PARTS.containsAll(only)) {
            throw new IllegalArgumentException("--only takes " + PARTS + ", got " + only);
        }
        return quick
            ? new Options(true, List.of(4, 16), 3, 1, 4, 200, 200, only)
            : new Options(false, List.of(4, 16, 64), 10, 3, 10, 1000, 1000, only);
    }

    /** Whether this run includes {@code part}. */
    boolean runs(String part) {
        return only.isEmpty() || only.contains(part);
    }

    /** The client count the single-concurrency runs use (tenant scale): 16, as the pgbench figure. */
    int reference() {
        return concurrencies.contains(16) ? 16 : concurrencies.getLast();
    }
}
