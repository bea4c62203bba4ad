package io.coregate.gateway.testing;

import java.math.BigDecimal;

/**
 * How the {@link OutboundSimulator} answers for one payee or one transfer. Immutable; build from {@link #normal()}.
 *
 * @param post        how {@code POST /transfers} ends
 * @param accept      how {@code PUT /transfers/{id}} with {@code acceptQuote: true} ends
 * @param status      how {@code GET /transfers/{id}} ends once its failures are used up
 * @param hubOutcome  what the hub decided when the accept went through or went unanswered: COMMITTED or ABORTED
 * @param failedReads how many status reads first fail with a bare 500 (no FSPIOP code)
 * @param errorCode   the FSPIOP code of an {@link Step#ERROR}
 * @param errorText   its description
 * @param fee         the payee FSP's fee in the quote
 */
public record SimulatorPlan(Step post, Step accept, Step status, String hubOutcome, int failedReads, String errorCode, String errorText,
                            BigDecimal fee) {

    /** How one call ends. */
    public enum Step {
        /** As the spec's happy path. */
        OK,
        /** 500 with the spec's error body and a Mojaloop error ({@code lastError.mojaloopError}). */
        ERROR,
        /** 504 with the spec's error body: the connector gave up waiting for the hub. */
        TIMEOUT_504,
        /** No answer until the simulator closes (the caller's timeout fires first). */
        HANG,
        /** For {@code POST /transfers}: a connector misconfigured with AUTO_ACCEPT_QUOTES=true, answering COMPLETED. */
        AUTO_ACCEPT
    }

    /** Everything succeeds; the hub commits; a fee of 0.50. */
    public static SimulatorPlan normal() {
        return new SimulatorPlan(Step.OK, Step.OK, Step.OK, "COMMITTED", 0, "", "", new BigDecimal("0.50"));
    }

    /** {@code POST /transfers} fails with an FSPIOP error, e.g. 3204 Party not found. */
    public SimulatorPlan postError(String code, String text) {
        return new SimulatorPlan(Step.ERROR, accept, status, hubOutcome, failedReads, code, text, fee);
    }

    /** {@code POST /transfers} ends as given (504, hang). */
    public SimulatorPlan post(Step step) {
        return new SimulatorPlan(step, accept, status, hubOutcome, failedReads, errorCode, errorText, fee);
    }

    /** The accept fails with an FSPIOP error from the hub or payee; the hub aborts. */
    public SimulatorPlan acceptError(String code, String text) {
        return new SimulatorPlan(post, Step.ERROR, status, "ABORTED", failedReads, code, text, fee);
    }

    /** The accept ends as given (504, hang) while the hub decides {@code outcome}, which a later status read reports. */
    public SimulatorPlan acceptUnknown(Step step, String outcome) {
        return new SimulatorPlan(post, step, status, outcome, failedReads, errorCode, errorText, fee);
    }

    /** Status reads end as given. */
    public SimulatorPlan status(Step step) {
        return new SimulatorPlan(post, accept, step, hubOutcome, failedReads, errorCode, errorText, fee);
    }

    /** The first {@code count} status reads fail with a bare 500. */
    public SimulatorPlan failedReads(int count) {
        return new SimulatorPlan(post, accept, status, hubOutcome, count, errorCode, errorText, fee);
    }

    /** The payee FSP's fee in the quote. */
    public SimulatorPlan fee(String amount) {
        return new SimulatorPlan(post, accept, status, hubOutcome, failedReads, errorCode, errorText, new BigDecimal(amount));
    }
}
