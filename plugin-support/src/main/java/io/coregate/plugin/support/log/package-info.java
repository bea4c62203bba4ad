/**
 * Logging without secrets: {@link io.coregate.plugin.support.log.Redactor} replaces configured secret values and
 * credentials in {@code Authorization} headers with {@code ***}; {@link io.coregate.plugin.support.log.SupportLog}
 * is the only way this library writes a log line, and it redacts every one.
 */
package io.coregate.plugin.support.log;
