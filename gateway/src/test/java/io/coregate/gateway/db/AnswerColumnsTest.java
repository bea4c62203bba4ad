package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.payer.CompletedBody;
import io.coregate.gateway.domain.payer.QuotedBody;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.TransferParty;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The payer's answers survive the answer column as the records they were, and as the JSON the channel got. */
class AnswerColumnsTest {

    private static StoredAnswer roundTrip(StoredAnswer answer) {
        return AnswerColumns.read(Direction.OUTBOUND, "home-1", AnswerColumns.write(answer));
    }

    @Test
    void aQuoteAndACompletionReadBackAsTheirRecords() {
        var quoted = new QuotedBody("t-1", "home-1", TransferParty.of("MSISDN", "260972000001").named(Optional.of("Bob"), Optional.of("fsp-b")),
            "100", "ZMW", "99", "ZMW", new QuotedBody.Fees("1", "0.5", "ZMW"), "100.5", "WAITING_FOR_QUOTE_ACCEPTANCE", Optional.empty());
        assertEquals(quoted, roundTrip(StoredAnswer.of(quoted)).replay(QuotedBody.class));
        var completed = new CompletedBody("t-1", "home-1", "COMMITTED", "COMPLETED", Optional.of("2026-01-01T00:00:00Z"));
        assertEquals(completed, roundTrip(StoredAnswer.of(completed)).replay(CompletedBody.class));
    }

    @Test
    void anOperatorsResolutionIsReplayedAsItWasStored() {
        String stored = "{\"homeTransactionId\":\"home-1\",\"transferState\":\"COMMITTED\"}";
        StoredAnswer read = AnswerColumns.read(Direction.OUTBOUND, "home-1", stored);
        assertEquals(stored, AnswerColumns.write(read));
    }

    @Test
    void refusalsAndMissingAnswersReplayAsErrors() {
        var refused = roundTrip(StoredAnswer.refused(ErrorCode.PAYER_REJECTED_REQUEST, "Payer rejected transaction request"));
        assertEquals("4101", assertThrows(GatewayException.class, () -> refused.replay(CompletedBody.class)).code().code());
        var none = AnswerColumns.read(Direction.OUTBOUND, "home-1", null);
        assertEquals(ErrorCode.SERVER_BUSY, assertThrows(GatewayException.class, () -> none.replay(QuotedBody.class)).code());
    }
}
