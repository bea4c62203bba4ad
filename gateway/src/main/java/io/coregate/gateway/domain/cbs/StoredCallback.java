package io.coregate.gateway.domain.cbs;

import java.time.Instant;

/**
 * A stored callback as operators list it.
 *
 * @param id         its id
 * @param receivedAt when it arrived
 * @param method     the HTTP method
 * @param subPath    what followed the token
 * @param body       its body, cut to {@link CallbackInbox#LISTED_BODY_CHARS} characters
 * @param reading    what the adapter read, once it was read (all empty with no detail while not yet read)
 */
public record StoredCallback(long id, Instant receivedAt, String method, String subPath, String body, CallbackReading reading) {
}
