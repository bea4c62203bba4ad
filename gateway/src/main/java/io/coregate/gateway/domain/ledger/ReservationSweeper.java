package io.coregate.gateway.domain.ledger;

/**
 * The scheduled job: voids expired pending reservations in batches (each instance takes rows the others do not hold)
 * and refreshes the liquidity alarm from every stored balance. Runs on one scheduler thread per instance.
 */
public final class ReservationSweeper {

    /** Reservations voided per transaction. */
    public static final int BATCH = 100;
    /** Batches per run at most, so one run cannot monopolise the scheduler. */
    static final int MAX_BATCHES = 50;

    private final Ledger ledger;
    private final LiquidityBook book;
    private final BalanceObserver observer;

    public ReservationSweeper(Ledger ledger, LiquidityBook book, BalanceObserver observer) {
        this.ledger = ledger;
        this.book = book;
        this.observer = observer;
    }

    /** One run. */
    public void run() {
        sweep();
        book.allBalances().forEach(observer::observe);
    }

    /**
     * Voids due reservations until a batch finds none left to take (or {@link #MAX_BATCHES} batches ran). A batch may come
     * back short while due rows remain (rows another instance changed meanwhile drop out of it), so only an empty batch
     * ends the run.
     *
     * @return how many this instance voided
     */
    public int sweep() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int voided = ledger.expireDue(BATCH);
            total += voided;
            if (voided == 0) {
                break;
            }
        }
        return total;
    }
}
