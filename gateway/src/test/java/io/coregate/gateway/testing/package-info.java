/** Test support: a real PostgreSQL found as DESIGN.md orders it, a schema per test, and the real gateway on random ports. */
package io.coregate.gateway.testing;
