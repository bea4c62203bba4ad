/**
 * Benchmark commands (not tests: nothing here runs in {@code mvn verify}). Each prints throughput, latency
 * percentiles and memory; the README's "Benchmarks" section gives the commands.
 */
package io.coregate.gateway.bench;
