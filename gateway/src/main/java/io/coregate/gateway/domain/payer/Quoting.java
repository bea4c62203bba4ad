package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.money.Fees;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The connector's {@code POST /transfers} for a logged outbound transfer, and what its outcome does to the log and
 * the ledger: {@code Quoted} stores the quote (reserving a merchant payment's quoted amount) and answers it; a clear
 * error, an abort or no answer records ABORTED (voiding the reservation); {@code Completed} means the connector
 * accepted the quote by itself (AUTO_ACCEPT_QUOTES on): the hub moved money the customer was never debited for, so the
 * transfer is held in RECONCILE for an operator and the channel gets 2001. Thread-safe.
 */
public final class Quoting {

    private final Connector connector;
    private final OutboundLog outbound;
    private final TransferLog log;
    private final Aborts abort;
    private final TransferMetrics metrics;
    private final Clock clock;

    public Quoting(Connector connector, OutboundLog outbound, TransferLog log, Aborts abort, TransferMetrics metrics, Clock clock) {
        this.connector = connector;
        this.outbound = outbound;
        this.log = log;
        this.abort = abort;
        this.metrics = metrics;
        this.clock = clock;
    }

    QuotedBody quote(Tenant tenant, Transfer transfer, OutboundTransfer request, boolean send) {
        return switch (connector.postTransfer(tenant, request)) {
            case ConnectorOutcome.Quoted quoted -> quoted(tenant, transfer, quoted.transfer(), send);
            case ConnectorOutcome.Completed completed -> autoAccepted(tenant, transfer, completed.transfer(), send);
            case ConnectorOutcome.Failed failed -> throw abort.abort(tenant, transfer, failed.code(),
                "the transfer request to the Mojaloop Connector failed: " + failed.message());
            case ConnectorOutcome.Aborted aborted -> throw abort.abort(tenant, transfer, ErrorCode.PAYEE_REJECTION,
                "the transfer was aborted before a quote: " + aborted.reason());
            case ConnectorOutcome.Unknown unknown -> throw abort.abort(tenant, transfer, ErrorCode.CBS_TIMEOUT,
                "the Mojaloop Connector did not answer the transfer request (" + unknown.reason() + "); nothing was sent, try again"
                    + " with a new homeTransactionId");
        };
    }

    private QuotedBody quoted(Tenant tenant, Transfer transfer, ConnectorTransfer quote, boolean send) {
        QuoteFacts facts = facts(tenant, transfer, quote, send);
        if (send && facts.amount().compareTo(transfer.amount()) != 0) {
            connector.acceptQuote(tenant, quote.transferId(), false);
            throw abort.abort(tenant, transfer, ErrorCode.INTERNAL, "the quote's transfer amount " + MojaloopAmount.format(facts.amount())
                + " differs from the send amount " + MojaloopAmount.format(transfer.amount()) + "; the quote was rejected");
        }
        Optional<Outbound> after;
        try {
            after = outbound.quoted(tenant.id(), transfer.transferId(), transfer.state(), TransferState.QUOTED, facts, !send,
                clock.instant().plus(PayerService.HOLD), "quoted by the connector: transfer " + quote.transferId());
        } catch (GatewayException e) {
            if (send || (e.code() != ErrorCode.PAYER_INSUFFICIENT_LIQUIDITY && e.code() != ErrorCode.PAYER_LIMIT)) {
                throw e;
            }
            connector.acceptQuote(tenant, quote.transferId(), false);
            throw abort.abort(tenant, transfer, e.code(), e.getMessage());
        }
        if (after.isEmpty()) {
            throw new GatewayException(ErrorCode.SERVER_BUSY, "transfer " + transfer.homeTransactionId() + " changed meanwhile; try again");
        }
        metrics.outcome(tenant.id(), Direction.OUTBOUND, TransferState.QUOTED);
        return facts.answer().replay(QuotedBody.class);
    }

    private QuotedBody autoAccepted(Tenant tenant, Transfer transfer, ConnectorTransfer completed, boolean send) {
        String message = "the Mojaloop Connector accepted the quote by itself (it must run with AUTO_ACCEPT_QUOTES=false): transfer "
            + completed.transferId() + " completed at the hub before the customer was debited; it is held in RECONCILE for an operator";
        QuoteFacts facts = facts(tenant, transfer, completed, send);
        var held = new QuoteFacts(facts.mojaloopTransferId(), facts.amount(), facts.receiveAmount(), facts.payeeFee(), facts.payee(),
            facts.expiresAt(), StoredAnswer.refused(ErrorCode.INTERNAL, message));
        Instant holdUntil = clock.instant().plus(PayerService.HOLD);
        String detail = "connector answered COMPLETED to the transfer request";
        try {
            outbound.quoted(tenant.id(), transfer.transferId(), transfer.state(), TransferState.QUOTED, held, !send, holdUntil, detail);
        } catch (GatewayException e) {
            outbound.quoted(tenant.id(), transfer.transferId(), transfer.state(), TransferState.QUOTED, held, false, holdUntil,
                detail + "; no liquidity could be reserved (" + e.getMessage() + "): the position needs an adjustment");
        }
        var change = new StateChange(TransferState.QUOTED, TransferState.RECONCILE, Optional.empty(), Optional.empty(), message,
            Optional.of(held.answer()), Optional.of("connector auto-accepted the quote"), 0, Optional.empty());
        log.change(tenant.id(), Direction.OUTBOUND, transfer.transferId(), change)
            .ifPresent(t -> metrics.outcome(tenant.id(), Direction.OUTBOUND, TransferState.RECONCILE));
        throw new GatewayException(ErrorCode.INTERNAL, message);
    }

    private QuoteFacts facts(Tenant tenant, Transfer transfer, ConnectorTransfer quote, boolean send) {
        String currency = transfer.currency();
        BigDecimal amount = quote.transferAmount().map(Money::amount).orElse(transfer.amount());
        BigDecimal payeeFee = quote.payeeFspFee().map(Money::amount).orElse(BigDecimal.ZERO);
        BigDecimal receive = quote.payeeReceiveAmount().map(Money::amount).orElse(send ? amount.subtract(payeeFee) : transfer.amount());
        BigDecimal sendFee = Fees.of(tenant.document().fees().send(), amount, currency);
        TransferParty before = transfer.payee();
        TransferParty payee = quote.payee().map(p -> TransferParty.of(p.idType(), p.idValue())
            .named(p.name().or(before::name), p.fspId().or(before::fspId))).orElse(before);
        Instant expires = quote.quoteExpiration().orElse(clock.instant().plus(PayerService.HOLD));
        QuotedBody answer = QuotedBody.of(transfer.homeTransactionId(), quote, payee, new Money(amount, currency), receive,
            payeeFee, sendFee);
        return new QuoteFacts(quote.transferId(), amount, receive, payeeFee, payee, expires, StoredAnswer.of(answer));
    }
}
