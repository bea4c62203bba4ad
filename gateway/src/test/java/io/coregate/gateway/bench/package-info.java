/**
 * Benchmark commands (not tests: nothing here runs in {@code mvn verify}). Each prints throughput, latency
 * percentiles and memory; see each class's javadoc and the README's "Benchmarks" section for its command.
 */
package io.coregate.gateway.bench;
