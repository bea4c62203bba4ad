package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Rules;
import io.coregate.gateway.domain.validation.Validated;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The backend API's {@code transferRequest} ({@code POST /transfers}): the fields the gateway reads.
 *
 * @param transferId      the transfer id
 * @param quote           the quote it claims
 * @param from            the payer
 * @param to              the payee
 * @param amountType      SEND or RECEIVE
 * @param currency        the currency
 * @param amount          the transfer amount
 * @param transactionType TRANSFER, DEPOSIT or PAYMENT
 * @param ilpPacket       the ILP packet; its {@code data} is required
 */
public record TransferRequestBody(String transferId, QuoteRef quote, TransferParty from, TransferParty to, String amountType,
                                  String currency, String amount, String transactionType, IlpPacket ilpPacket) implements Validated {

    /**
     * The quote part of a transfer request.
     *
     * @param quoteId        the quote id
     * @param transactionId  the transaction id
     * @param transferAmount the quote's transfer amount as repeated
     */
    public record QuoteRef(String quoteId, String transactionId, String transferAmount) implements Validated {
        @Override
        public void check(Check check) {
            check.correlationId("quoteId", quoteId);
            check.correlationId("transactionId", transactionId);
            check.amount("transferAmount", transferAmount, false);
        }
    }

    /**
     * The ILP packet: only its presence and its payer's FSP are read.
     *
     * @param data the decoded packet
     */
    public record IlpPacket(IlpData data) implements Validated {
        @Override
        public void check(Check check) {
            check.present("data", data);
        }

        /** The payer's FSP named in the packet, if any. */
        Optional<String> payerFsp() {
            return Optional.ofNullable(data).flatMap(IlpData::payer).flatMap(IlpPayer::partyIdInfo).flatMap(IlpPartyIdInfo::fspId);
        }
    }

    /** @param payer the decoded packet's payer */
    public record IlpData(Optional<IlpPayer> payer) {
    }

    /** @param partyIdInfo the payer's id */
    public record IlpPayer(Optional<IlpPartyIdInfo> partyIdInfo) {
    }

    /** @param fspId the payer's FSP */
    public record IlpPartyIdInfo(Optional<String> fspId) {
    }

    @Override
    public void check(Check check) {
        check.correlationId("transferId", transferId);
        check.nested("quote", quote);
        check.nested("from", from);
        check.nested("to", to);
        check.oneOf("amountType", amountType, Rules.AMOUNT_TYPES);
        check.currency("currency", currency);
        check.amount("amount", amount, false);
        check.oneOf("transactionType", transactionType, Rules.TRANSACTION_TYPES);
        check.nested("ilpPacket", ilpPacket);
    }

    /** The checked amount. */
    public BigDecimal value() {
        return new BigDecimal(amount);
    }

    /** The payer as stored: as sent, owned by its FSP ({@code from.fspId}, else the ILP packet's, else "unknown"). */
    public TransferParty payer() {
        String fsp = from.fspId().filter(f -> !f.isBlank()).or(ilpPacket::payerFsp).orElse("unknown");
        return from.ownedBy(fsp);
    }
}
