package io.coregate.plugins.fineract;

import io.coregate.plugin.api.AdapterContext;
import java.util.Map;

/**
 * The contract suite against a tenant with {@code debitHolds: false}: outbound transfers debit at once and refund on
 * failure, and {@code holdDebit} is refused as undeclared.
 */
class FineractDirectDebitContractTest extends FineractContractTest {

    @Override
    protected AdapterContext context() {
        return context(simulatorOfThisTest(), Map.of("debitHolds", false));
    }
}
