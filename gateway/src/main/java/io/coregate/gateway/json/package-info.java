/**
 * How the gateway reads and writes JSON (and YAML): the one mapper configuration every layer uses, so the http edge,
 * the database's JSON columns, the Connector client and the tenant bootstrap read numbers, dates and absent values
 * alike; and {@code Binding}, the strict binder of the admin API and the tenant documents, which names every unknown
 * member and every value of the wrong type by its path before the record checks itself.
 */
package io.coregate.gateway.json;
