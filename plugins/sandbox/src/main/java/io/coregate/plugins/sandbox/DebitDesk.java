package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Receipt;

/**
 * The payer side of a bank: debit and refund, or hold, capture and release, each idempotent on the transfer id.
 * Debits and captures move the customer's money to the collection account; refunds move it back.
 *
 * <p>Thread-safe: each operation runs under the {@link Bank}'s monitor.
 */
final class DebitDesk {

    private final Bank bank;
    private final java.util.function.UnaryOperator<String> collection;

    /** @param collection the collection account of a currency */
    DebitDesk(Bank bank, java.util.function.UnaryOperator<String> collection) {
        this.bank = bank;
        this.collection = collection;
    }

    /** Moves the amount from the customer to the collection account when the customer can cover it. */
    Receipt debit(DebitRequest request) {
        synchronized (bank) {
            Booking known = bank.debits().get(request.transferId());
            if (known != null) {
                return repeat(known, request, Booking.State.DEBITED);
            }
            Booking booking = newBooking(request, Booking.State.DEBITED);
            bank.ledger().move(booking.customer(), booking.house(), booking.amount());
            return save(booking);
        }
    }

    /**
     * What a bank answering asynchronously still refuses at once: a debit or hold of a transfer it has not booked yet
     * whose payer is unknown, cannot transact, or cannot cover the amount now. Books nothing.
     */
    void check(DebitRequest request) {
        synchronized (bank) {
            if (bank.debits().get(request.transferId()) == null) {
                newBooking(request, Booking.State.DEBITED);
            }
        }
    }

    /** Reverses a debit (or a captured hold) exactly once. */
    Receipt refund(DebitRequest request) {
        synchronized (bank) {
            Booking known = existing(request);
            return switch (known.state()) {
                case DEBITED, CAPTURED -> {
                    bank.requireCover(known.house(), known.amount());
                    bank.ledger().move(known.house(), known.customer(), known.amount());
                    yield save(known.to(Booking.State.REFUNDED));
                }
                case REFUNDED -> new Receipt(known.reference());
                default -> throw refused(request, "cannot be refunded: it is " + known.state());
            };
        }
    }

    /** Earmarks the amount on the customer's account: it stays in the balance but is no longer available. */
    Receipt hold(DebitRequest request) {
        synchronized (bank) {
            Booking known = bank.debits().get(request.transferId());
            if (known != null) {
                return repeat(known, request, Booking.State.HELD, Booking.State.CAPTURED);
            }
            Booking booking = newBooking(request, Booking.State.HELD);
            bank.ledger().hold(booking.customer(), booking.amount());
            return save(booking);
        }
    }

    /** Turns a hold into a debit to the collection account. */
    Receipt capture(DebitRequest request) {
        synchronized (bank) {
            Booking known = existing(request);
            return switch (known.state()) {
                case HELD -> {
                    bank.ledger().unhold(known.customer(), known.amount());
                    bank.ledger().move(known.customer(), known.house(), known.amount());
                    yield save(known.to(Booking.State.CAPTURED));
                }
                case CAPTURED -> new Receipt(known.reference());
                default -> throw refused(request, "cannot be captured: it is " + known.state());
            };
        }
    }

    /** Frees a hold; releasing an unknown transfer records it as released, so a late hold or capture is refused. */
    Receipt release(DebitRequest request) {
        synchronized (bank) {
            Booking known = bank.debits().get(request.transferId());
            if (known == null) {
                return save(new Booking(request.transferId(), bank.nextReference(), Booking.State.RELEASED, pocket(request),
                        house(request), request.amount().amount()));
            }
            return switch (known.state()) {
                case HELD -> {
                    bank.ledger().unhold(known.customer(), known.amount());
                    yield save(known.to(Booking.State.RELEASED));
                }
                case RELEASED -> new Receipt(known.reference());
                default -> throw refused(request, "cannot be released: it is " + known.state());
            };
        }
    }

    private Receipt repeat(Booking known, DebitRequest request, Booking.State... repeatable) {
        for (Booking.State state : repeatable) {
            if (known.state() == state) {
                if (!known.sameAs(pocket(request), request.amount().amount())) {
                    throw refused(request, "was booked with other details");
                }
                return new Receipt(known.reference());
            }
        }
        throw refused(request, "is already " + known.state());
    }

    private Booking existing(DebitRequest request) {
        Booking known = bank.debits().get(request.transferId());
        if (known == null) {
            throw new CbsException(FailureKind.NOT_FOUND, "no debit or hold for transfer " + request.transferId());
        }
        return known;
    }

    private Booking newBooking(DebitRequest request, Booking.State state) {
        AccountSpec payer = bank.usable(bank.find(request.payer()), request.payer().idValue(), request.amount());
        bank.requireCover(payer.pocket(), request.amount().amount());
        return new Booking(request.transferId(), bank.nextReference(), state, payer.pocket(), house(request),
                request.amount().amount());
    }

    private Pocket pocket(DebitRequest request) {
        String accountNo = bank.find(request.payer()).map(AccountSpec::accountNo).orElse(request.payer().idValue());
        return new Pocket(accountNo, request.amount().currency());
    }

    private Pocket house(DebitRequest request) {
        return new Pocket(collection.apply(request.amount().currency()), request.amount().currency());
    }

    private static CbsException refused(DebitRequest request, String why) {
        return new CbsException(FailureKind.REJECTED, "transfer " + request.transferId() + " " + why);
    }

    private Receipt save(Booking booking) {
        bank.debits().put(booking.transferId(), booking);
        return new Receipt(booking.reference());
    }
}
