package io.coregate.plugins.fineract;

import io.coregate.plugin.api.Outcome;
import java.util.function.Function;

/** Chaining of outcomes. Stateless. */
final class Outcomes {

    private Outcomes() {
    }

    /** Continues with the value of a done outcome; a failure (or pending) passes through unchanged. */
    static <A, B> Outcome<B> then(Outcome<A> outcome, Function<A, Outcome<B>> next) {
        return switch (outcome) {
            case Outcome.Done<A> done -> next.apply(done.value());
            case Outcome.Failed<A> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<A> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }
}
