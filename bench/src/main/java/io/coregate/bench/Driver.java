package io.coregate.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives {@code clients} platform threads, each with its own client (a keep-alive connection), running one sequence
 * after another until the time is up: closed-loop, or paced to an aggregate rate (sequences/s, slots handed out in
 * turn) when {@code rate} is set. A sequence that throws counts as an error and its client is opened again.
 */
final class Driver {

    private Driver() {
    }

    /** Opens one client's connection. */
    @FunctionalInterface
    interface Opener<C extends AutoCloseable> {
        C open(int clientIndex) throws Exception;
    }

    /** One sequence: {@code n} counts from 0 per client; false means it failed. */
    @FunctionalInterface
    interface Sequence<C> {
        boolean run(C client, int clientIndex, long n, Samples samples) throws Exception;
    }

    /**
     * What a run measured.
     *
     * @param nanos     every call's latency
     * @param sequences sequences that completed
     * @param errors    sequences that failed
     * @param seconds   wall time of the run
     * @param firstError the first failure's description, empty when none
     */
    record Outcome(long[] nanos, long sequences, long errors, double seconds, String firstError) {

        double perSecond() {
            return sequences / seconds;
        }
    }

    static <C extends AutoCloseable> Outcome run(int clients, double seconds, OptionalDouble rate, Opener<C> opener, Sequence<C> sequence)
        throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        var ok = new AtomicLong();
        var errors = new AtomicLong();
        var slots = new AtomicLong();
        var firstError = new AtomicReference<>("");
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            var mine = new Samples();
            samples.add(mine);
            int index = c;
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                C client = null;
                for (long n = 0; ; n++) {
                    if (rate.isPresent()) {
                        LockSupport.parkNanos(start + (long) (slots.getAndIncrement() * 1e9 / rate.getAsDouble()) - System.nanoTime());
                    }
                    if (System.nanoTime() >= deadline) {
                        break;
                    }
                    try {
                        client = client == null ? opener.open(index) : client;
                        (sequence.run(client, index, n, mine) ? ok : errors).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet("", e.toString());
                        client = closed(client);
                    }
                }
                closed(client);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] nanos = samples.stream().flatMapToLong(s -> Arrays.stream(s.values())).toArray();
        return new Outcome(nanos, ok.get(), errors.get(), elapsed, firstError.get());
    }

    private static <C extends AutoCloseable> C closed(C client) {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }
}
