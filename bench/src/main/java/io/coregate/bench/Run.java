package io.coregate.bench;

import java.util.Arrays;

/**
 * One measured run of a scenario at one client concurrency.
 *
 * @param scenario   what ran (payee, payer, ledger-many, ledger-hot, ...)
 * @param clients    concurrent closed-loop clients
 * @param perSecond  completed sequences per second
 * @param callsPerSecond calls per second (HTTP requests, or ledger transactions)
 * @param latency    per-call latency
 * @param errors     failed sequences
 * @param firstError the first failure, empty when none
 * @param cpu        cores used by the gateway, PostgreSQL and the load process
 * @param gatewayRssMb the gateway's resident memory after the run, 0 without a gateway
 * @param seconds    measured wall time
 */
record Run(String scenario, int clients, double perSecond, double callsPerSecond, Latency latency, long errors, String firstError,
           CpuMeter.Usage cpu, double gatewayRssMb, double seconds) {

    static Run of(String scenario, int clients, Driver.Outcome outcome, CpuMeter.Usage cpu, double rssMb) {
        return new Run(scenario, clients, outcome.perSecond(), outcome.nanos().length / outcome.seconds(),
            Latency.of(Arrays.stream(outcome.nanos())), outcome.errors(), outcome.firstError(), cpu, rssMb, outcome.seconds());
    }

    /** Measures one run: CPU over the run's window, the gateway's RSS after it. */
    static <C extends AutoCloseable> Run measure(String scenario, int clients, double seconds, Gateway gateway,
                                                 Driver.Opener<C> opener, Driver.Sequence<C> sequence) throws InterruptedException {
        return measure(scenario, clients, seconds, java.util.OptionalDouble.empty(), gateway, opener, sequence);
    }

    /** As {@link #measure(String, int, double, Gateway, Driver.Opener, Driver.Sequence)}, paced to {@code rate} when set. */
    static <C extends AutoCloseable> Run measure(String scenario, int clients, double seconds, java.util.OptionalDouble rate, Gateway gateway,
                                                 Driver.Opener<C> opener, Driver.Sequence<C> sequence) throws InterruptedException {
        CpuMeter meter = CpuMeter.start(gateway.pid());
        Driver.Outcome outcome = Driver.run(clients, seconds, rate, opener, sequence);
        CpuMeter.Usage cpu = meter.stop();
        if (!gateway.alive()) {
            throw new IllegalStateException("the gateway process exited during the " + scenario + " run (stopped by someone else?); see its log");
        }
        Run run = of(scenario, clients, outcome, cpu, gateway.rssMb());
        Report.line(run);
        return run;
    }

    /** The process whose CPU and memory a run reports: the gateway, or none for in-process baselines. */
    interface Gateway {
        long pid();

        double rssMb();

        /** Whether the process still runs. */
        default boolean alive() {
            return true;
        }

        /** No gateway process. */
        Gateway NONE = new Gateway() {
            @Override
            public long pid() {
                return 0;
            }

            @Override
            public double rssMb() {
                return 0;
            }
        };
    }
}
