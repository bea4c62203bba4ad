package io.coregate.plugins.flexcube;

/**
 * The contract suite against a bank whose transactions wait for a checker: every posting answers pending under its FCC
 * reference and settles through {@code status} once authorised (the simulated checker authorises on the next query).
 */
class FlexcubeMakerCheckerContractTest extends FlexcubeContractTest {

    @Override
    protected FlexcubeSimulator startSimulator() {
        return FlexcubeSimulator.start().makerChecker(true);
    }

    @Override
    protected boolean answersPending() {
        return true;
    }
}
