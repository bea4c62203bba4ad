/** Benchmarks run by hand (never by {@code mvn verify}): see each class's javadoc for its command. */
package io.coregate.gateway.bench;
