package io.coregate.bench;

import java.util.List;

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
 */
record Options(boolean quick, List<Integer> concurrencies, double seconds, double warmupSeconds, int tenants, int scaleTenants,
               int ledgerAccounts) {

    static Options parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        return quick
            ? new Options(true, List.of(4, 16), 3, 1, 4, 200, 200)
            : new Options(false, List.of(4, 16, 64), 10, 3, 10, 1000, 1000);
    }

    /** The client count the single-concurrency runs use (tenant scale): 16, as the pgbench figure. */
    int reference() {
        return concurrencies.contains(16) ? 16 : concurrencies.getLast();
    }
}
