package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Receipt;
import java.util.Optional;

/**
 * The payee side of a bank: reserve, commit and release inbound credits, each idempotent on the transfer id.
 * A reservation holds the amount on the disbursement account; a commit moves it from there to the customer.
 *
 * <p>Thread-safe: each operation runs under the {@link Bank}'s monitor.
 */
final class CreditDesk {

    private final Bank bank;
    private final java.util.function.UnaryOperator<String> disbursement;

    /** @param disbursement the disbursement account of a currency */
    CreditDesk(Bank bank, java.util.function.UnaryOperator<String> disbursement) {
        this.bank = bank;
        this.disbursement = disbursement;
    }

    /** Checks payee and cover, then holds the amount on the disbursement account; the customer's balance is untouched. */
    Receipt reserve(CreditRequest request) {
        synchronized (bank) {
            Booking known = bank.credits().get(request.transferId());
            if (known != null) {
                return repeat(known, request, "reserve");
            }
            Booking booking = newBooking(request, Booking.State.RESERVED);
            bank.ledger().hold(booking.house(), booking.amount());
            return save(booking);
        }
    }

    /** Credits the customer from the disbursement account, reserved or not; a repeat books nothing. */
    Receipt commit(CreditRequest request) {
        synchronized (bank) {
            Booking known = bank.credits().get(request.transferId());
            if (known == null) {
                Booking booking = newBooking(request, Booking.State.COMMITTED);
                bank.ledger().move(booking.house(), booking.customer(), booking.amount());
                return save(booking);
            }
            if (known.state() != Booking.State.RESERVED) {
                return repeat(known, request, "commit");
            }
            bank.ledger().unhold(known.house(), known.amount());
            bank.ledger().move(known.house(), known.customer(), known.amount());
            return save(known.to(Booking.State.COMMITTED));
        }
    }

    /** Drops a reservation; releasing an unknown transfer records it as released, so a late commit is refused. */
    Receipt release(CreditRequest request) {
        synchronized (bank) {
            Booking known = bank.credits().get(request.transferId());
            if (known == null) {
                return save(new Booking(request.transferId(), bank.nextReference(), Booking.State.RELEASED,
                        customerPocket(request), house(request), request.amount().amount()));
            }
            return switch (known.state()) {
                case RESERVED -> {
                    bank.ledger().unhold(known.house(), known.amount());
                    yield save(known.to(Booking.State.RELEASED));
                }
                case RELEASED -> new Receipt(known.reference());
                default -> throw new CbsException(FailureKind.REJECTED, "transfer " + request.transferId() + " is already committed");
            };
        }
    }

    /**
     * What a bank answering asynchronously still refuses at once: a credit of a transfer it has not booked yet whose
     * payee is unknown or cannot transact, or that the disbursement account cannot cover now. Books nothing.
     */
    void check(CreditRequest request) {
        synchronized (bank) {
            if (bank.credits().get(request.transferId()) == null) {
                newBooking(request, Booking.State.RESERVED);
            }
        }
    }

    private Receipt repeat(Booking known, CreditRequest request, String operation) {
        if (known.state() == Booking.State.RELEASED) {
            throw new CbsException(FailureKind.REJECTED, "cannot " + operation + " transfer " + request.transferId()
                    + ": it was released");
        }
        if (!known.sameAs(customerPocket(request), request.amount().amount())) {
            throw new CbsException(FailureKind.REJECTED, "transfer " + request.transferId() + " was booked with other details");
        }
        return new Receipt(known.reference());
    }

    private Booking newBooking(CreditRequest request, Booking.State state) {
        AccountSpec payee = bank.usable(payeeAccount(request), request.payee().accountNo(), request.amount());
        bank.requireCover(house(request), request.amount().amount());
        return new Booking(request.transferId(), bank.nextReference(), state, payee.pocket(), house(request),
                request.amount().amount());
    }

    private Optional<AccountSpec> payeeAccount(CreditRequest request) {
        return bank.account(request.payee().accountNo()).or(() -> bank.find(request.payee().id()));
    }

    private Pocket customerPocket(CreditRequest request) {
        String accountNo = payeeAccount(request).map(AccountSpec::accountNo).orElse(request.payee().accountNo());
        return new Pocket(accountNo, request.amount().currency());
    }

    private Pocket house(CreditRequest request) {
        return new Pocket(disbursement.apply(request.amount().currency()), request.amount().currency());
    }

    private Receipt save(Booking booking) {
        bank.credits().put(booking.transferId(), booking);
        return new Receipt(booking.reference());
    }
}
