package io.coregate.plugins.t24;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.tck.Operation;
import java.util.Map;
import java.util.Optional;

/**
 * The contract suite against a Transact that exposes locked amounts: reservations lock the credit on the disbursement
 * account ({@code CREDIT_HOLD}), a commit lifts the lock and books the order, a release lifts it.
 */
class T24LockingContractTest extends T24ContractTest {

    @Override
    protected AdapterContext context() {
        return context(simulator(), Map.of("lockPath", T24Simulator.LOCK_PATH));
    }

    @Override
    protected Optional<String> route(Operation operation) {
        return operation == Operation.RESERVE_CREDIT ? Optional.of(T24Simulator.LOCKS) : super.route(operation);
    }
}
