package io.coregate.gateway.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} platform threads, each with its own keep-alive connection, run one iteration after
 * another until the time is up, recording the latency of every HTTP call. Shared by the HTTP benchmarks.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** One client's recorded call latencies. Not thread-safe: one per client thread. */
    static final class Samples {
        private final long[] nanos = new long[3_000_000];
        private int count;

        /** Sends one call on {@code client} and records its latency. */
        RawHttp.Answer call(RawHttp client, String method, String path, byte[] body) throws IOException {
            long start = System.nanoTime();
            RawHttp.Answer answer = client.exchange(method, path, body);
            nanos[count++] = System.nanoTime() - start;
            return answer;
        }

        private boolean full() {
            return count >= nanos.length - 16;
        }
    }

    /** One iteration of a client: {@code iteration} counts from 0 per client; false means it failed. */
    @FunctionalInterface
    interface Iteration {
        boolean run(RawHttp client, int clientIndex, int iteration, Samples samples) throws IOException;
    }

    /**
     * What a run measured.
     *
     * @param nanos      every call's latency
     * @param iterations iterations that succeeded
     * @param errors     iterations that failed, plus lost connections
     */
    record Result(long[] nanos, long iterations, long errors) {
    }

    static Result run(int port, int clients, int seconds, Iteration iteration) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        var ok = new AtomicLong();
        var errors = new AtomicLong();
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            var mine = new Samples();
            samples.add(mine);
            int index = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try (var client = new RawHttp("127.0.0.1", port)) {
                    for (int n = 0; System.nanoTime() < deadline && !mine.full(); n++) {
                        (iteration.run(client, index, n, mine) ? ok : errors).incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] nanos = samples.stream().flatMapToLong(s -> Arrays.stream(s.nanos, 0, s.count)).toArray();
        return new Result(nanos, ok.get(), errors.get());
    }
}
