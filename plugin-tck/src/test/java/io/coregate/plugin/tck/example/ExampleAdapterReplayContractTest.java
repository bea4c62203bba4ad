package io.coregate.plugin.tck.example;

import io.coregate.plugin.sim.DuplicatePolicy;

/** The same contract against a bank that answers a repeated reference with its first answer. */
class ExampleAdapterReplayContractTest extends ExampleAdapterContractTest {

    @Override
    DuplicatePolicy duplicates() {
        return DuplicatePolicy.REPLAY;
    }
}
