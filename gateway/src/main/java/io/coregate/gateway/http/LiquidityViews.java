package io.coregate.gateway.http;

import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.Discrepancy;
import io.coregate.gateway.domain.ledger.JournalEntry;
import io.coregate.gateway.domain.ledger.LedgerResult;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The liquidity API's answers, as Jackson writes them; amounts are plain decimal strings. */
final class LiquidityViews {

    private LiquidityViews() {
    }

    /** One currency's balance. */
    record BalanceView(String currency, String limit, String reserved, String position, String available, int alarmPercent, boolean alarm,
                       Optional<String> maxPerTransfer) {

        static BalanceView of(Balance balance) {
            return new BalanceView(balance.currency(), plain(balance.limit()), plain(balance.reserved()), plain(balance.position()),
                plain(balance.available()), balance.alarmPercent(), balance.alarm(), balance.maxPerTransfer().map(BigDecimal::toPlainString));
        }
    }

    /** {@code GET /admin/tenants/{tenant}/liquidity}. */
    record Balances(String tenantId, List<BalanceView> liquidity) {
    }

    /** The answer to an adjustment. */
    record Adjusted(String type, String reference, boolean applied, String message, BalanceView balance) {

        static Adjusted of(LedgerResult result) {
            return new Adjusted(result.operation().name(), result.reference(), result.applied(), result.message(),
                BalanceView.of(result.balance()));
        }
    }

    /** A stripe row's figures before or after a journal entry. */
    record FiguresView(String limit, String position, String reserved, String available) {

        static FiguresView of(JournalEntry.Figures figures) {
            return new FiguresView(plain(figures.limit()), plain(figures.position()), plain(figures.reserved()),
                plain(figures.limit().subtract(figures.position()).subtract(figures.reserved())));
        }
    }

    /** One journal entry. */
    record EntryView(long id, String at, String operation, int stripe, String reference, String amount, FiguresView before,
                     FiguresView after, String actor) {

        static EntryView of(JournalEntry entry) {
            return new EntryView(entry.id(), entry.at().toString(), entry.operation().name(), entry.stripe(), entry.reference(),
                plain(entry.amount()), FiguresView.of(entry.before()), FiguresView.of(entry.after()), entry.actor());
        }
    }

    /** {@code GET .../journal}. */
    record Journal(List<EntryView> entries) {
    }

    /** One figure the ledger check found different. */
    record DifferenceView(String tenantId, String currency, String figure, String stored, String recomputed) {

        static DifferenceView of(Discrepancy d) {
            return new DifferenceView(d.tenant().value(), d.currency(), d.figure(), plain(d.stored()), plain(d.recomputed()));
        }
    }

    /** {@code GET /admin/ledger/check}. */
    record LedgerCheck(boolean consistent, String checkedAt, List<DifferenceView> differences) {
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
