package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a selected money operation {@code pending} and settles it later, as an asynchronous CBS (a GSMA wallet
 * answering 202) does: after {@link AsyncPlan#settleAfter()} on a virtual thread the bank makes the booking (or
 * refuses it, for outcome FAILED), records how it settled, and calls back per {@link AsyncPlan#via()} and
 * {@link AsyncPlan#callback()}. The booking is the same idempotent desk operation a synchronous call makes, so a
 * repeated call books once: a call repeated while pending gets the same reference, one repeated after it settled
 * gets the settled answer. Settling belongs to the bank, not the adapter: it happens even if the adapter is closed.
 *
 * <p>Thread-safe: settlements are kept by the {@link Bank} under its monitor.
 */
final class AsyncDesk {

    private final Bank bank;
    private final AsyncPlan plan;
    private final Optional<String> callbackUrl;

    /** @param callbackUrl the tenant's callback base URL; the bank calls back at {@code <url>/sandbox} */
    AsyncDesk(Bank bank, AsyncPlan plan, Optional<String> callbackUrl) {
        this.bank = bank;
        this.plan = plan;
        this.callbackUrl = callbackUrl.map(url -> url + "/sandbox");
    }

    /** Whether a call of {@code operation} about {@code target} is answered pending. */
    boolean selects(String operation, Target target) {
        return plan.selects(operation, target);
    }

    /** Answers the call pending (or, repeated after it settled, as it settled); {@code booking} books it. */
    Outcome<Receipt> start(String operation, String transferId, Supplier<Receipt> booking) {
        Settlement.Opened opened = bank.openSettlement(operation, transferId);
        Settlement settlement = opened.settlement();
        if (!opened.fresh()) {
            return answer(bank.settlement(settlement.reference()).orElse(settlement));
        }
        if (plan.via() == AsyncPlan.Via.NEVER) {
            return pending(settlement);
        }
        if (plan.via() == AsyncPlan.Via.CALLBACK && plan.callback() == AsyncPlan.Delivery.BEFORE) {
            callBack(settle(settlement, booking), 1);
            return pending(settlement);
        }
        Thread.ofVirtual().name("sandbox-settle-" + settlement.reference()).start(() -> {
            if (Pause.sleep(plan.settleAfter())) {
                Settlement settled = settle(settlement, booking);
                if (plan.via() == AsyncPlan.Via.CALLBACK) {
                    callBack(settled, plan.callback() == AsyncPlan.Delivery.TWICE ? 2 : plan.callback() == AsyncPlan.Delivery.LOST ? 0 : 1);
                }
            }
        });
        return pending(settlement);
    }

    private Settlement settle(Settlement pending, Supplier<Receipt> booking) {
        synchronized (bank) {
            Settlement settled;
            if (!plan.completes()) {
                settled = pending.failed("sandbox: " + pending.operation() + " refused by the bank (async outcome FAILED)");
            } else {
                try {
                    settled = pending.completed(booking.get().cbsReference());
                } catch (CbsException e) {
                    settled = pending.failed(e.kind() + ": " + e.getMessage());
                }
            }
            bank.settled(settled);
            return settled;
        }
    }

    private void callBack(Settlement settled, int times) {
        callbackUrl.ifPresent(url -> {
            for (int i = 0; i < times; i++) {
                CallbackSender.post(url, CallbackBody.of(settled));
            }
        });
    }

    private Outcome<Receipt> answer(Settlement settlement) {
        return switch (settlement.state()) {
            case COMPLETED -> Outcome.done(new Receipt(settlement.bookingReference().orElseThrow()));
            case FAILED -> Outcome.failed(FailureKind.REJECTED, settlement.detail().orElse("refused"));
            default -> pending(settlement);
        };
    }

    private Outcome<Receipt> pending(Settlement settlement) {
        return Outcome.pending(settlement.reference(), plan.settleAfter());
    }
}
