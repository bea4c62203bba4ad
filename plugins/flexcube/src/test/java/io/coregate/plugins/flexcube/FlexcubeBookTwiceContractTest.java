package io.coregate.plugins.flexcube;

import io.coregate.plugin.sim.DuplicatePolicy;

/**
 * The contract suite against a gateway that books a repeated XREF again (no duplicate check at the bank): only the
 * adapter's look-up of the XREF before a retry keeps a leg from booking twice, and the books after every test show it.
 */
class FlexcubeBookTwiceContractTest extends FlexcubeContractTest {

    @Override
    protected FlexcubeSimulator startSimulator() {
        return FlexcubeSimulator.start().duplicates(DuplicatePolicy.BOOK_TWICE);
    }
}
