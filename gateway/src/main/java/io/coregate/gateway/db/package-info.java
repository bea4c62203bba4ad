/**
 * JDBC repositories and the database runtime: HikariCP over an external or embedded PostgreSQL, Flyway migrations
 * from the top-level {@code db/} folder. Every statement is keyed by {@code tenant_id}.
 */
package io.coregate.gateway.db;
