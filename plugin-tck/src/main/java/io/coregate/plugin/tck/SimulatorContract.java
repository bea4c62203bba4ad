package io.coregate.plugin.tck;

import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract run against a CBS simulated with {@code io.coregate.plugin.sim}: a fresh {@link Simulator} per test,
 * faults injected on the route each operation books through, and the simulator ledger's invariants (money conserved,
 * one booking per leg key) checked after every test. A subclass builds the simulator, names its routes and its vendor
 * error bodies, and points the context at {@link #simulator()}{@code .baseUri()}.
 * Not thread-safe: JUnit creates one instance per test.
 */
public abstract class SimulatorContract extends AdapterContract {

    private Simulator simulator;

    /** A started simulator with the subject's routes and customers. */
    protected abstract Simulator startSimulator();

    /** The route ({@code "POST /transfers"}) through which {@code operation} reaches the CBS, where faults are injected. */
    protected abstract Optional<String> route(Operation operation);

    /** The vendor's error answer the adapter translates to {@code kind}; used for every claimed kind. */
    protected abstract SimResponse vendorError(FailureKind kind);

    /** The running simulator of this test. */
    protected final Simulator simulator() {
        return simulator;
    }

    @BeforeEach
    final void startTheSimulator() {
        simulator = startSimulator();
    }

    @AfterEach
    final void stopTheSimulator() {
        simulator.close();
    }

    @Override
    protected Optional<CoreBankingAdapter> withFault(Operation operation, TckFault fault) {
        Optional<String> route = route(operation);
        route.ifPresent(name -> simulator.inject(name, simulated(fault), 1));
        return route.map(name -> adapter());
    }

    @Override
    protected List<String> violations() {
        return simulator.ledger().violations();
    }

    private Fault simulated(TckFault fault) {
        return switch (fault) {
            case TckFault.Refusal refusal -> Fault.answer(vendorError(refusal.kind()));
            case TckFault.Hang hang -> Fault.hang();
            case TckFault.ServerErrorBeforeBooking error -> Fault.serverErrorBeforeBooking();
            case TckFault.DropAfterBooking drop -> Fault.dropAfterBooking();
            case TckFault.ErrorIn200 error -> Fault.errorIn200(vendorError(FailureKind.REJECTED));
            case TckFault.ExpiredToken expired -> Fault.expiredToken();
        };
    }
}
