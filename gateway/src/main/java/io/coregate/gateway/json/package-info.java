/**
 * How the gateway reads and writes JSON (and YAML): the one mapper configuration every layer uses, so the http edge,
 * the database's JSON columns, the Connector client and the tenant bootstrap read numbers, dates and absent values
 * alike.
 */
package io.coregate.gateway.json;
