/**
 * JSON over the JDK {@link java.net.http.HttpClient}: {@link io.coregate.plugin.support.http.JsonHttp} sends a
 * {@link io.coregate.plugin.support.http.JsonRequest} with its own deadline (headers and body), reads at most a bounded
 * number of bytes, parses with bounded Jackson constraints, and retries only idempotent calls (GET, or a request carrying
 * an idempotency key). Anything that goes wrong on the wire is an {@link io.coregate.plugin.support.http.HttpFailure}
 * carrying the {@link io.coregate.plugin.api.FailureKind} to answer.
 */
package io.coregate.plugin.support.http;
