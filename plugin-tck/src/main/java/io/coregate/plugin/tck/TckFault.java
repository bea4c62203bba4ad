package io.coregate.plugin.tck;

import io.coregate.plugin.api.FailureKind;
import java.util.Objects;

/**
 * A misbehaviour of the CBS the contract asks the subject to arrange for the next call of one operation.
 * Immutable and thread-safe.
 */
public sealed interface TckFault {

    /** The CBS answers the vendor error the adapter should translate to {@code kind}. */
    record Refusal(FailureKind kind) implements TckFault {
        public Refusal {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The CBS never answers. */
    record Hang() implements TckFault {
    }

    /** The CBS answers a server error before booking. */
    record ServerErrorBeforeBooking() implements TckFault {
    }

    /** The CBS books, then the answer is lost. */
    record DropAfterBooking() implements TckFault {
    }

    /** The CBS answers success carrying an error body, without booking. */
    record ErrorIn200() implements TckFault {
    }

    /** The CBS refuses the access token as expired, without booking. */
    record ExpiredToken() implements TckFault {
    }
}
