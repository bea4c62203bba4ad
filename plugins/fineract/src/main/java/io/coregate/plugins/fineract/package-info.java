/**
 * The Apache Fineract / Mifos X CBS plugin: {@link io.coregate.plugins.fineract.FineractAdapterFactory} (the PF4J
 * extension) reads the tenant's settings once into {@link io.coregate.plugins.fineract.FineractSettings},
 * {@link io.coregate.plugins.fineract.FineractClient} speaks Fineract's REST API over plugin-support (basic auth, tenant
 * header, {@code Idempotency-Key}, error codes), {@link io.coregate.plugins.fineract.FineractCustomers} finds clients and
 * savings accounts, {@link io.coregate.plugins.fineract.FineractWire} writes the request bodies, and
 * {@link io.coregate.plugins.fineract.FineractAdapter} maps the SPI's operations onto them, one command per leg, each
 * under its own idempotency key.
 */
package io.coregate.plugins.fineract;
