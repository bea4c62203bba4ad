/**
 * The examplebank CBS plugin, the template an HTTP-speaking plugin is copied from: {@link
 * io.coregate.plugins.examplebank.ExampleBankAdapterFactory} (the PF4J extension) reads the tenant's settings once into
 * {@link io.coregate.plugins.examplebank.ExampleBankSettings}, {@link io.coregate.plugins.examplebank.ExampleBankClient}
 * speaks the bank's REST API over plugin-support, and {@link io.coregate.plugins.examplebank.ExampleBankAdapter} maps the
 * SPI's operations onto it, one posting per leg, each under its own idempotency key.
 */
package io.coregate.plugins.examplebank;
