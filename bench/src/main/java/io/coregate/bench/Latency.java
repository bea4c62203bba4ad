package io.coregate.bench;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * Per-call latency percentiles in milliseconds.
 *
 * @param calls how many calls
 * @param p50   median
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param max   slowest
 */
record Latency(long calls, double p50, double p95, double p99, double max) {

    static Latency of(LongStream nanos) {
        long[] sorted = nanos.toArray();
        Arrays.sort(sorted);
        return new Latency(sorted.length, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
            sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))] / 1e6;
    }
}
