/**
 * Typed, validated configuration: one record per component, read once from Helidon {@code Config} at start-up and
 * frozen. An invalid value stops start-up with a {@link io.coregate.gateway.config.ConfigException} naming the key.
 */
package io.coregate.gateway.config;
