package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Validated;

import java.util.Set;

/**
 * An operator's resolution of a stuck transfer, {@code POST .../transfers/{transferId}/resolve}: {@code {"outcome":
 * "COMMITTED"|"ABORTED", "reason": "..."}}.
 *
 * @param outcome COMMITTED or ABORTED, as the operator found it in the CBS (or at the hub)
 * @param reason  why, 1 to 500 characters; audited
 */
public record Resolution(String outcome, String reason) implements Validated {

    private static final Set<String> OUTCOMES = Set.of("COMMITTED", "ABORTED");

    @Override
    public void check(Check check) {
        check.text("outcome", outcome, 16);
        if (outcome != null && !outcome.isBlank() && outcome.length() <= 16 && !OUTCOMES.contains(outcome)) {
            check.invalid("outcome", "must be COMMITTED or ABORTED");
        }
        check.text("reason", reason, 500);
    }

    /** The state the transfer is resolved to. */
    TransferState state() {
        return TransferState.valueOf(outcome);
    }
}
