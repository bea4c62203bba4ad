package io.coregate.plugins.mobilemoney;

/** The contract suite against a provider that answers every money request at once ({@code 201}). */
class MobileMoneySyncContractTest extends MobileMoneyContractTest {

    @Override
    MobileMoneySimulator.Mode mode() {
        return MobileMoneySimulator.Mode.SYNC;
    }
}
