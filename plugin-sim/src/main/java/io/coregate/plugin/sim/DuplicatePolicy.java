package io.coregate.plugin.sim;

/**
 * What a booking route does with a reference it has seen before: each vendor has its own habit, and an adapter must
 * book once under all of them. Immutable and thread-safe.
 */
public enum DuplicatePolicy {
    /** Refuses the request with the simulator's duplicate answer (by default 409). */
    REFUSE,
    /** Answers the first request's answer again without booking. */
    REPLAY,
    /** Books again (a CBS without idempotency): the adapter must ask before retrying. */
    BOOK_TWICE
}
