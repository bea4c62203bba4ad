package io.coregate.gateway.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.coregate.gateway.domain.transfer.MojaloopTime;
import io.coregate.gateway.domain.transfer.LegRecord;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferAdmin;
import io.coregate.gateway.domain.transfer.TransferEvent;
import io.coregate.gateway.domain.transfer.TransferParty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The operators' views of the transfer log ({@code /admin/tenants/{tenant}/transfers}), written by the one configured
 * mapper: members in the order declared, an absent one left out; amounts as plain decimals, instants as Mojaloop
 * timestamps.
 */
final class TransferViews {

    private TransferViews() {
    }

    /** One transfer as the list and the detail show it. */
    record TransferView(String transferId, String direction, String homeTransactionId, String state, Optional<String> targetState,
                        Optional<String> quoteId, String amount, String receiveAmount, String currency, TransferParty payee,
                        TransferParty payer, Optional<String> cbsReference, Optional<String> lastError, int attempts,
                        Optional<String> nextRetryAt, String createdAt, String updatedAt) {

        static TransferView of(Transfer t) {
            return new TransferView(t.transferId(), t.direction().name(), t.homeTransactionId(), t.state().name(),
                t.targetState().map(Enum::name), t.quoteId(), plain(t.amount()), plain(t.receiveAmount()), t.currency(), t.payee(),
                t.payer(), t.cbsReference(), t.lastError(), t.attempts(), t.nextRetryAt().map(MojaloopTime::format),
                MojaloopTime.format(t.createdAt()), MojaloopTime.format(t.updatedAt()));
        }
    }

    /** One journal entry. */
    record EventView(int seq, String at, Optional<String> from, String to, Optional<String> cbsReference, String detail) {

        static EventView of(TransferEvent e) {
            return new EventView(e.seq(), MojaloopTime.format(e.at()), e.from().map(Enum::name), e.to().name(), e.cbsReference(),
                e.detail());
        }
    }

    /** One money leg at the CBS: which, its key, where it stands, how often it was called, the last error. */
    record LegView(String leg, String key, String state, int attempts, Optional<String> cbsReference, Optional<String> lastError,
                   Optional<String> nextCheckAt, String updatedAt) {

        static LegView of(LegRecord leg) {
            return new LegView(leg.leg().name(), leg.key(), leg.state().name(), leg.attempts(), leg.cbsReference(), leg.lastError(),
                leg.nextCheckAt().map(MojaloopTime::format), MojaloopTime.format(leg.updatedAt()));
        }
    }

    /** A transfer with its journal and its legs. */
    record DetailView(@JsonUnwrapped TransferView transfer, List<EventView> journal, List<LegView> legs) {

        static DetailView of(TransferAdmin.Detail detail) {
            return new DetailView(TransferView.of(detail.transfer()), detail.journal().stream().map(EventView::of).toList(),
                detail.legs().stream().map(LegView::of).toList());
        }
    }

    /**
     * One transfer as the list shows it: with the Mojaloop transfer id its channel was given (outbound, once quoted)
     * and its legs.
     */
    record ListItem(@JsonUnwrapped TransferView transfer, Optional<String> mojaloopTransferId, List<LegView> legs) {

        static ListItem of(TransferAdmin.Listed listed) {
            return new ListItem(TransferView.of(listed.listed().transfer()), listed.listed().mojaloopTransferId(),
                listed.legs().stream().map(LegView::of).toList());
        }
    }

    /** {@code GET /admin/tenants/{tenant}/transfers}. */
    record ListView(List<ListItem> transfers) {
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
