/**
 * The benchmark command's load process ({@code .ci/bench}): starts the gateway jar as its own process against the local
 * PostgreSQL, onboards tenants, drives the payee and payer sequences over HTTP from this JVM, runs the ledger pairs
 * through {@code JdbcLedger} (the ledger has no HTTP route of its own), measures the baselines ({@code pgbench -N}, the
 * sandbox adapter in-process) in the same run, and writes JSON and an SVG plot. Not a test: nothing here runs in
 * {@code mvn verify}.
 */
package io.coregate.bench;
