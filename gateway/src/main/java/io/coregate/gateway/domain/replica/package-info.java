/** The gateway replicas sharing one database: their heartbeats, versions and loaded plugins, and whether they agree. */
package io.coregate.gateway.domain.replica;
