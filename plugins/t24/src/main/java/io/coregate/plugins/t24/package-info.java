/**
 * The Temenos Transact (T24) CBS plugin: {@link io.coregate.plugins.t24.T24AdapterFactory} (the PF4J extension) reads
 * the tenant's settings once into {@link io.coregate.plugins.t24.T24Settings}, {@link io.coregate.plugins.t24.T24Client}
 * speaks Transact's provider REST APIs (the {@code {header, body}} envelope, {@code error.errorDetails}) over
 * plugin-support, and {@link io.coregate.plugins.t24.T24Adapter} maps the SPI's operations onto accounts, customers,
 * payment orders ({@link io.coregate.plugins.t24.PaymentOrders}: one per leg, looked up before any retry) and locked
 * amounts ({@link io.coregate.plugins.t24.Locks}).
 */
package io.coregate.plugins.t24;
