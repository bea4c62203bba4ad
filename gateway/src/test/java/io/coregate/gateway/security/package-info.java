/** Hostile input from outside: unbounded numbers, deep nesting, oversized bodies, a database that stops answering. */
package io.coregate.gateway.security;
