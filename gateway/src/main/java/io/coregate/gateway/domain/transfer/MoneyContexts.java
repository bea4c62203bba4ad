package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.money.Currencies;
import io.coregate.plugin.api.Counterparty;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.TransactionType;
import io.coregate.plugin.api.TransferContext;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the {@link TransferContext} a money call carries from the stored transfer: the same for every leg of one
 * transfer, and built from what was stored when the transfer arrived (the payee as resolved at the quote is never
 * looked up again). Stateless.
 */
public final class MoneyContexts {

    private MoneyContexts() {
    }

    /**
     * An inbound (payee-side) transfer's context: the payee is the tenant's customer, resolved at the quote.
     *
     * @param transfer the stored transfer
     * @param tenantFsp the tenant's participant id (the payee's FSP)
     * @param payee    the customer as resolved, with its account
     */
    public static TransferContext inbound(Transfer transfer, String tenantFsp, Party payee) {
        String currency = transfer.currency();
        BigDecimal fee = transfer.amount().subtract(transfer.receiveAmount()).max(BigDecimal.ZERO);
        return new TransferContext(transfer.transferId(), transfer.transactionId(), transfer.quoteId(),
            TransactionType.of(transfer.transactionType()), counterparty(transfer.payer(), transfer.payer().fspId()),
            counterparty(transfer.payee(), Optional.of(tenantFsp)), new Money(transfer.amount(), currency), new Money(fee, currency),
            Currencies.minorUnit(currency), transfer.expiresAt(), Optional.of(payee), Optional.of(transfer.homeTransactionId()));
    }

    /**
     * An outbound (payer-side) transfer's context: the customer is the payer as the CBS resolved it when the transfer was
     * started (stored with its account). A merchant payment ({@code amountType=RECEIVE}) is a
     * {@link TransactionType#PAYMENT}, whatever the Connector was sent.
     *
     * @param transfer   the stored transfer
     * @param transferId the Mojaloop transfer id
     * @param payee      the payee as the Connector resolved it (names, FSP), when quoted
     * @param sent       what the payer sends, before the tenant's fee
     * @param fee        the tenant's send fee
     */
    public static TransferContext outbound(Transfer transfer, String transferId, Optional<TransferParty> payee, BigDecimal sent,
                                           BigDecimal fee) {
        String currency = transfer.currency();
        TransactionType type = "RECEIVE".equals(transfer.amountType()) ? TransactionType.PAYMENT
            : TransactionType.of(transfer.transactionType());
        TransferParty to = payee.orElse(transfer.payee());
        return new TransferContext(transferId, transfer.transactionId(), transfer.quoteId(), type,
            counterparty(transfer.payer(), transfer.payer().fspId()), counterparty(to, to.fspId()), new Money(sent, currency),
            new Money(fee, currency), Currencies.minorUnit(currency), transfer.expiresAt(),
            transfer.payer().accountNo().map(account -> transfer.payer().party(currency)), Optional.of(transfer.homeTransactionId()));
    }

    private static Counterparty counterparty(TransferParty party, Optional<String> fsp) {
        Optional<String> name = party.displayName().or(party::name).or(() -> Optional.of(Stream.of(party.firstName(), party.middleName(),
            party.lastName()).flatMap(Optional::stream).collect(Collectors.joining(" "))).filter(n -> !n.isEmpty()));
        return new Counterparty(party.id(), name, fsp);
    }
}
