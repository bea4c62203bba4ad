/**
 * The GSMA Mobile Money API v1.2 CBS plugin: {@link io.coregate.plugins.mobilemoney.MobileMoneyAdapterFactory} (the PF4J
 * extension) reads the tenant's settings once into {@link io.coregate.plugins.mobilemoney.MobileMoneySettings},
 * {@link io.coregate.plugins.mobilemoney.MobileMoneyClient} speaks the provider's API (headers, GSMA error objects) over
 * plugin-support, {@link io.coregate.plugins.mobilemoney.Requests} sends one request per leg under a correlation id
 * derived from the leg key and settles asynchronous ones (responses, request states, transactions), and
 * {@link io.coregate.plugins.mobilemoney.MobileMoneyAdapter} maps the SPI's operations and reads the provider's callbacks.
 */
package io.coregate.plugins.mobilemoney;
