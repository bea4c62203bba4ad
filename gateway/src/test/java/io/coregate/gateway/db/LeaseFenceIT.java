package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A holder whose lease ran out and was taken over writes nothing: every write under a lease names its generation. */
class LeaseFenceIT {

    private static final TenantId TENANT = new TenantId("fenced");

    private static TestGateway gateway;
    private static JdbcTransferLog log;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        log = new JdbcTransferLog(new Jdbc(gateway.dataSource()), (connection, from, after) -> { });
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String insertWithExpiredLease(TransferState state) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        var transfer = new Transfer(TENANT, Direction.INBOUND, id, "home-" + id, state, Optional.empty(), Optional.empty(), "SEND",
            "TRANSFER", "ZMW", BigDecimal.TEN, BigDecimal.TEN, TransferParty.of("MSISDN", "1"), TransferParty.of("MSISDN", "2"), "hash",
            StoredAnswer.NOT_COMPLETED, Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(), now, now);
        assertTrue(log.insert(transfer, "received", Duration.ofMillis(1)), "the inserter holds the first lease");
        Thread.sleep(30);
        return id;
    }

    private static StateChange commit(String by) {
        return StateChange.of(TransferState.RESERVED, TransferState.COMMITTED, Optional.of(by), "committed by " + by, StoredAnswer.NOT_COMPLETED);
    }

    @Test
    void expiredHolderCannotChangeStateAfterATakeOverButTheNewHolderCan() throws InterruptedException {
        String id = insertWithExpiredLease(TransferState.RESERVED);
        Fence taken = log.lease(TENANT, Direction.INBOUND, id, TransferState.RESERVED, Duration.ofSeconds(30)).orElseThrow();
        assertEquals(Fence.FIRST.generation() + 1, taken.generation());

        var late = log.change(TENANT, Direction.INBOUND, id, commit("first").fenced(Fence.FIRST));
        assertTrue(late.isEmpty(), "the expired holder's write is refused by the fence");
        assertEquals(TransferState.RESERVED, log.find(TENANT, Direction.INBOUND, id).orElseThrow().state());
        assertEquals(1, log.journal(TENANT, Direction.INBOUND, id).size(), "no journal entry either");

        var current = log.change(TENANT, Direction.INBOUND, id, commit("second").fenced(taken)).orElseThrow();
        assertEquals(TransferState.COMMITTED, current.state());
        assertEquals(Optional.of("second"), current.cbsReference());
    }

    @Test
    void expiredHolderCannotRecordARetryAfterATakeOver() throws InterruptedException {
        String id = insertWithExpiredLease(TransferState.RECONCILE);
        Fence taken = log.lease(TENANT, Direction.INBOUND, id, TransferState.RECONCILE, Duration.ofSeconds(30)).orElseThrow();

        log.recordRetry(TENANT, Direction.INBOUND, id, Fence.FIRST, 7, Optional.empty(), "late retry");
        assertEquals(0, log.find(TENANT, Direction.INBOUND, id).orElseThrow().attempts(), "the expired holder's retry is not recorded");

        log.recordRetry(TENANT, Direction.INBOUND, id, taken, 1, Optional.empty(), "retry");
        assertEquals(1, log.find(TENANT, Direction.INBOUND, id).orElseThrow().attempts());
    }
}
