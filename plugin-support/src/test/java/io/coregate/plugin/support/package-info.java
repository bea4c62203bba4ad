/**
 * Tests of the support library against real local HTTP(S) servers ({@link io.coregate.plugin.support.LocalServer}):
 * no mock of the HTTP client. {@code FooTest} is fast, {@code FooIT} starts a server.
 */
package io.coregate.plugin.support;
