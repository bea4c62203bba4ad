package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.ledger.ReservationState;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.transfer.TransferState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static io.coregate.gateway.domain.payer.LedgerPolicy.Move.MARK_UNCERTAIN;
import static io.coregate.gateway.domain.payer.LedgerPolicy.Move.NONE;
import static io.coregate.gateway.domain.payer.LedgerPolicy.Move.POST;
import static io.coregate.gateway.domain.payer.LedgerPolicy.Move.VOID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LedgerPolicyTest {

    private static Transfer transfer(Direction direction, TransferState state, Optional<TransferState> target) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Transfer(new TenantId("bank-a"), direction, "ref-1", "home-1", state, target, Optional.empty(), "SEND", "TRANSFER",
            "ZMW", BigDecimal.TEN, BigDecimal.TEN, TransferParty.of("MSISDN", "1"), TransferParty.of("MSISDN", "2"), "hash",
            PayerAnswer.pending("home-1"), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(), now, now);
    }

    private static LedgerPolicy.Move move(TransferState from, TransferState to) {
        return LedgerPolicy.move(from, transfer(Direction.OUTBOUND, to, Optional.empty()), ReservationState.PENDING);
    }

    @Test
    void committedPostsAbortedVoidsAndTheUncertainStatesMarkTheReservation() {
        assertEquals(POST, move(TransferState.DEBITED, TransferState.COMMITTED));
        assertEquals(VOID, move(TransferState.QUOTED, TransferState.ABORTED));
        assertEquals(MARK_UNCERTAIN, move(TransferState.QUOTED, TransferState.DEBITED));
        assertEquals(MARK_UNCERTAIN, move(TransferState.DEBITED, TransferState.UNCERTAIN));
        assertEquals(NONE, move(TransferState.RESERVED, TransferState.QUOTED));
    }

    @Test
    void reconcileFollowsTheHubsKnownDecision() {
        for (var target : new TransferState[] {TransferState.COMMITTED, TransferState.ABORTED}) {
            var after = transfer(Direction.OUTBOUND, TransferState.RECONCILE, Optional.of(target));
            assertEquals(target == TransferState.COMMITTED ? POST : VOID,
                LedgerPolicy.move(TransferState.UNCERTAIN, after, ReservationState.PENDING));
        }
        assertEquals(MARK_UNCERTAIN, move(TransferState.QUOTED, TransferState.RECONCILE));
    }

    @Test
    void inboundTransfersAndUnchangedStatesLeaveTheLedgerAlone() {
        var inbound = transfer(Direction.INBOUND, TransferState.COMMITTED, Optional.empty());
        assertEquals(NONE, LedgerPolicy.move(TransferState.RECEIVED, inbound, ReservationState.PENDING));
        assertEquals(NONE, move(TransferState.COMMITTED, TransferState.COMMITTED));
    }

    @Test
    void debitingAgainstReleasedLiquidityIsRefusedWith3302() {
        var debited = transfer(Direction.OUTBOUND, TransferState.DEBITED, Optional.empty());
        var e = assertThrows(GatewayException.class, () -> LedgerPolicy.move(TransferState.QUOTED, debited, ReservationState.VOIDED));
        assertEquals("3302", e.code().code());
    }
}
