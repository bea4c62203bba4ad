/** Tests of replicas on one database: migrations run once, heartbeats, {@code GET /admin/replicas}. */
package io.coregate.gateway.replica;
