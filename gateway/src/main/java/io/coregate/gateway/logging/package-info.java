/**
 * Logging plumbing: the JUL log manager that keeps the shutdown's log lines. Depends on the JDK only.
 */
package io.coregate.gateway.logging;
