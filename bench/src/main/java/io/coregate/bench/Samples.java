package io.coregate.bench;

import java.util.Arrays;

/** One client's recorded call latencies in nanoseconds. Not thread-safe: one per client thread. */
final class Samples {

    private long[] nanos = new long[1 << 14];
    private int count;

    /** A call whose latency is recorded. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    /** Runs {@code call} and records how long it took. */
    <T> T time(Call<T> call) throws Exception {
        long start = System.nanoTime();
        T result = call.run();
        add(System.nanoTime() - start);
        return result;
    }

    void add(long latency) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latency;
    }

    long[] values() {
        return Arrays.copyOf(nanos, count);
    }
}
