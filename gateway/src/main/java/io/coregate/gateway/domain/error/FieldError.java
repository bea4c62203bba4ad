package io.coregate.gateway.domain.error;

/**
 * One invalid field of a request or document.
 *
 * @param field   the field's path ({@code cbs.timeoutMillis})
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
