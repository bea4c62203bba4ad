package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.AdapterContext;
import java.util.List;
import java.util.Map;

/**
 * The contract suite against the sandbox answering debits pending and settling them 20 ms later (polling): what the
 * suite checks of a synchronous bank holds of an asynchronous one, and a pending debit settles through {@code status}.
 */
class SandboxAsyncContractTest extends SandboxContractTest {

    @Override
    protected AdapterContext context() {
        return Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("async",
                Map.of("operations", List.of("debit"), "settleAfterMillis", 20, "via", "polling"))));
    }

    @Override
    protected boolean answersPending() {
        return true;
    }
}
