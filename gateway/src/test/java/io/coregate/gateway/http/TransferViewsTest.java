package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.LegRecord;
import io.coregate.gateway.domain.transfer.LegState;
import io.coregate.gateway.domain.transfer.ListedTransfer;
import io.coregate.plugin.api.Leg;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferAdmin;
import io.coregate.gateway.domain.transfer.TransferEvent;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.transfer.TransferState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The operators' transfer views are the JSON the hand-built maps wrote before them, byte for byte: members in the same
 * order, absent ones left out, plain amounts, Mojaloop timestamps.
 */
class TransferViewsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T18:33:27.372Z");
    private static final String PARTIES = "\"payee\":{\"idType\":\"MSISDN\",\"idValue\":\"260971000001\"},"
        + "\"payer\":{\"idType\":\"MSISDN\",\"idValue\":\"260971000001\"}";
    private static final String LEGS = "\"legs\":[{\"leg\":\"COMMIT\",\"key\":\"t-1-commit\",\"state\":\"PENDING\",\"attempts\":2,"
        + "\"cbsReference\":\"SBA-9\",\"lastError\":\"accepted, not finished\",\"nextCheckAt\":\"2026-11-28T18:33:27.372Z\","
        + "\"updatedAt\":\"2026-11-28T18:33:27.372Z\"}]";
    private static final String JOURNAL = "\"journal\":["
        + "{\"seq\":1,\"at\":\"2026-11-28T18:33:27.372Z\",\"to\":\"RECEIVED\",\"detail\":\"received\"},"
        + "{\"seq\":2,\"at\":\"2026-11-28T18:33:27.372Z\",\"from\":\"RECEIVED\",\"to\":\"RESERVED\","
        + "\"cbsReference\":\"SB-1\",\"detail\":\"reserved\"}]";

    @Test
    void aTransferWithEveryMemberAndItsJournal() {
        assertEquals("{\"transferId\":\"t-1\",\"direction\":\"INBOUND\",\"homeTransactionId\":\"h-1\",\"state\":\"COMMITTED\","
            + "\"targetState\":\"ABORTED\",\"quoteId\":\"q-1\",\"amount\":\"100.5\",\"receiveAmount\":\"100\",\"currency\":\"ZMW\"," + PARTIES
            + ",\"cbsReference\":\"SB-1\",\"lastError\":\"boom\",\"attempts\":3,\"nextRetryAt\":\"2026-11-28T18:33:27.372Z\","
            + "\"createdAt\":\"2026-11-28T18:33:27.372Z\",\"updatedAt\":\"2026-11-28T18:33:28.372Z\"," + JOURNAL + "," + LEGS + "}",
            json(TransferViews.DetailView.of(new TransferAdmin.Detail(transfer(true), events(), legs()))));
    }

    @Test
    void absentMembersAreLeftOutOfTheListToo() {
        assertEquals("{\"transfers\":[{\"transferId\":\"t-1\",\"direction\":\"INBOUND\",\"homeTransactionId\":\"h-1\",\"state\":\"COMMITTED\","
            + "\"amount\":\"100.5\",\"receiveAmount\":\"100\",\"currency\":\"ZMW\"," + PARTIES + ",\"attempts\":3,"
            + "\"createdAt\":\"2026-11-28T18:33:27.372Z\",\"updatedAt\":\"2026-11-28T18:33:28.372Z\",\"legs\":[]}]}",
            json(new TransferViews.ListView(List.of(item(Optional.empty(), List.of())))));
    }

    @Test
    void anOutboundListItemShowsTheMojaloopIdLast() {
        String json = json(new TransferViews.ListView(List.of(item(Optional.of("m-1"), legs()))));
        assertEquals(true, json.endsWith("\"updatedAt\":\"2026-11-28T18:33:28.372Z\",\"mojaloopTransferId\":\"m-1\"," + LEGS + "}]}"), json);
    }

    private static TransferViews.ListItem item(Optional<String> mojaloopId, List<LegRecord> legs) {
        return TransferViews.ListItem.of(new TransferAdmin.Listed(new ListedTransfer(transfer(false), mojaloopId), legs));
    }

    private static List<LegRecord> legs() {
        return List.of(new LegRecord(new TenantId("bank-a"), Direction.INBOUND, "t-1", Leg.COMMIT, "t-1-commit", LegState.PENDING, 2,
            Optional.of("SBA-9"), Optional.of("accepted, not finished"), Optional.of(NOW), NOW, NOW));
    }

    private static Transfer transfer(boolean full) {
        var party = TransferParty.of("MSISDN", "260971000001");
        return new Transfer(new TenantId("bank-a"), Direction.INBOUND, "t-1", "h-1", TransferState.COMMITTED,
            full ? Optional.of(TransferState.ABORTED) : Optional.empty(), full ? Optional.of("q-1") : Optional.empty(), "SEND", "TRANSFER",
            "ZMW", new BigDecimal("100.500"), new BigDecimal("1E+2"), party, party, "hash", StoredAnswer.refused(ErrorCode.INTERNAL, "x"),
            full ? Optional.of("SB-1") : Optional.empty(), full ? Optional.of("boom") : Optional.empty(), 3,
            full ? Optional.of(NOW) : Optional.empty(), Optional.empty(), NOW, NOW.plusSeconds(1));
    }

    private static List<TransferEvent> events() {
        return List.of(new TransferEvent(1, NOW, Optional.empty(), TransferState.RECEIVED, Optional.empty(), "received"),
            new TransferEvent(2, NOW, Optional.of(TransferState.RECEIVED), TransferState.RESERVED, Optional.of("SB-1"), "reserved"));
    }

    private static String json(Object view) {
        return new String(Json.bytes(view), StandardCharsets.UTF_8);
    }
}
