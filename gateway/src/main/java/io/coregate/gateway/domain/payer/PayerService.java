package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.gateway.domain.validation.Rules;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The channels' {@code POST /{tenant}/send-money} and {@code POST /{tenant}/merchant-payment}: validate; log the
 * transfer, unique on {@code (tenant, homeTransactionId)} (a repeat with the same body replays the stored answer, with
 * another body is 3106; a concurrent duplicate waits for the first and replays it); for send-money the send amount is
 * reserved in the ledger in the same transaction (4001 before anything else happens); then the connector's
 * {@code POST /transfers} resolves the payee and quotes. A merchant payment's quoted amount is reserved when the quote
 * returns, before the channel is answered. Any failure voids the reservation and records ABORTED. Thread-safe.
 */
public final class PayerService {

    /** How long the ledger holds a payer transfer's liquidity before the sweeper may release it. */
    public static final Duration HOLD = Duration.ofMinutes(10);

    private final OutboundLog outbound;
    private final Quoting quoting;
    private final Aborts aborts;
    private final Duration lease;
    private final Clock clock;
    private final PayerAccounts payers;

    public PayerService(OutboundLog outbound, Quoting quoting, Aborts aborts, PayerAccounts payers, Duration lease, Clock clock) {
        this.payers = payers;
        this.outbound = outbound;
        this.quoting = quoting;
        this.aborts = aborts;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * {@code POST /{tenant}/send-money}.
     *
     * @param request the validated request
     * @param hash    the SHA-256 of the body's canonical form (a repeat must match it)
     * @return the quote: {@code transferId}, payee, amounts, fees
     * @throws GatewayException 3100 for bad input, 3106 for a modified repeat, 4001 when liquidity does not allow it, the
     *                          connector's refusal (3204 unknown payee, ...), 2004 when the connector did not answer
     */
    public QuotedBody sendMoney(Tenant tenant, SendMoneyRequest request, String hash) {
        return start(tenant, hash, request.outbound(), request.payer(), request.sendAmount(), true);
    }

    /** {@code POST /{tenant}/merchant-payment}: as {@link #sendMoney}, for the amount the merchant receives. */
    public QuotedBody merchantPayment(Tenant tenant, MerchantPaymentRequest request, String hash) {
        return start(tenant, hash, request.outbound(), request.payer(), request.receiveAmount(), false);
    }

    private QuotedBody start(Tenant tenant, String hash, OutboundTransfer request, Payer payer, Money amount, boolean send) {
        String home = request.homeTransactionId();
        if (outbound.byHome(tenant.id(), home).isEmpty()) {
            TransferParty from = payers.resolve(tenant, payer, amount.currency());
            Transfer transfer = transfer(tenant, request, from, amount, hash, send ? TransferState.RESERVED : TransferState.RECEIVED);
            Instant holdUntil = clock.instant().plus(HOLD);
            String detail = send ? "send money: " + amount + " reserved" : "merchant payment received";
            try {
                if (outbound.open(transfer, holdUntil, detail, lease)) {
                    return quoting.quote(tenant, transfer, request, send);
                }
            } catch (GatewayException e) {
                if (e.code() != ErrorCode.PAYER_INSUFFICIENT_LIQUIDITY && e.code() != ErrorCode.PAYER_LIMIT) {
                    throw e;
                }
                Transfer refused = transfer(tenant, request, from, amount, hash, TransferState.RECEIVED);
                if (outbound.open(refused, holdUntil, "send money refused by the liquidity ledger", lease)) {
                    aborts.abort(tenant, refused, e.code(), e.getMessage());
                }
            }
        }
        return replay(tenant, home, hash);
    }

    private Transfer transfer(Tenant tenant, OutboundTransfer request, TransferParty from, Money amount, String hash, TransferState state) {
        Instant now = clock.instant();
        PartyId to = request.to().id();
        return new Transfer(tenant.id(), Direction.OUTBOUND, UUID.randomUUID().toString(), request.homeTransactionId(), state,
            Optional.empty(), Optional.empty(), request.amountType().name(), request.transactionType(), amount.currency(), amount.amount(),
            amount.amount(), TransferParty.of(to.idType(), to.idValue()), from, hash, PayerAnswer.pending(request.homeTransactionId()),
            Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.of(now.plus(HOLD)), now, now);
    }

    private QuotedBody replay(Tenant tenant, String home, String hash) {
        long deadline = System.nanoTime() + lease.plusSeconds(1).toNanos();
        while (true) {
            Outbound existing = outbound.byHome(tenant.id(), home).orElseThrow(() -> new GatewayException(ErrorCode.MODIFIED_REQUEST,
                "homeTransactionId " + home + " is already used"));
            Transfer transfer = existing.transfer();
            if (!transfer.requestHash().equals(hash)) {
                throw new GatewayException(ErrorCode.MODIFIED_REQUEST, "homeTransactionId " + home + " was already used with a different request");
            }
            if (existing.postAnswer().isPresent()) {
                return existing.postAnswer().get().replay(QuotedBody.class);
            }
            if (transfer.state() != TransferState.RECEIVED && transfer.state() != TransferState.RESERVED) {
                return transfer.answer().replay(QuotedBody.class);
            }
            if (System.nanoTime() > deadline) {
                throw new GatewayException(ErrorCode.SERVER_BUSY, "transfer " + home + " is still being processed; try again");
            }
            Waits.pause();
        }
    }

    /**
     * {@code GET /{tenant}/transfers/{transferId}}: the tenant's own outbound transfer by its Mojaloop transfer id.
     *
     * @throws GatewayException 3100 for a malformed id, 3208 when the tenant has no such transfer
     */
    public OutboundDetailsBody details(Tenant tenant, String transferId) {
        if (!isTransferId(transferId)) {
            throw new GatewayException(ErrorCode.VALIDATION, "transferId must be a Mojaloop transfer id (a UUID or a ULID)");
        }
        return OutboundDetailsBody.of(outbound.byMojaloopId(tenant.id(), transferId).orElseThrow(() -> unknown(transferId)));
    }

    /** True when the text is a Mojaloop transfer id (a UUID or a ULID). */
    private static boolean isTransferId(String text) {
        return Rules.CORRELATION_ID.matcher(text).matches();
    }

    static GatewayException unknown(String transferId) {
        return new GatewayException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + transferId + " is unknown");
    }
}
