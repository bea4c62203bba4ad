package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.TransactionStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One tenant's in-memory bank: customer accounts, a double-entry {@link Ledger} and the bookings of both sides.
 * Accounts not listed in the settings (the disbursement and collection accounts by default) are the bank's own house
 * accounts with a credit line ({@code houseCreditLine}): money may leave them until their balance reaches minus the
 * line, and what they answer as available includes it, so a float check and a booking agree. Opening balances are
 * booked from the internal {@link #CAPITAL} account, so the sum of all balances per currency is always zero.
 *
 * <p>Thread-safe: every method synchronizes on the bank; {@link CreditDesk} and {@link DebitDesk} hold the same
 * monitor while they run a whole operation.
 */
final class Bank {

    /** The internal account opening balances are booked from. */
    static final String CAPITAL = "SANDBOX-CAPITAL";

    private final String tenantId;
    private final Ledger ledger = new Ledger();
    private final Map<String, AccountSpec> accounts = new LinkedHashMap<>();
    private final Map<String, Booking> credits = new HashMap<>();
    private final Map<String, Booking> debits = new HashMap<>();
    private final Map<String, Settlement> settlements = new HashMap<>();
    private BigDecimal houseCreditLine = SandboxAdapterFactory.DEFAULT_HOUSE_CREDIT_LINE;
    private long lastReference;

    Bank(String tenantId) {
        this.tenantId = tenantId;
    }

    /**
     * Applies the listed accounts: new ones open with their balance, known ones keep balance and currency but take
     * the new names and status. Accounts no longer listed stay, with their money.
     */
    synchronized void open(List<AccountSpec> listed) {
        for (AccountSpec spec : listed) {
            AccountSpec known = accounts.get(spec.accountNo());
            if (known != null) {
                accounts.put(spec.accountNo(), spec.keepingCurrency(known.currency()));
            } else {
                accounts.put(spec.accountNo(), spec);
                ledger.move(new Pocket(CAPITAL, spec.currency()), spec.pocket(), spec.openingBalance());
            }
        }
    }

    /** Sets the credit line of the bank's own (unlisted) accounts, per currency; the settings' latest value wins. */
    synchronized void houseCreditLine(BigDecimal line) {
        this.houseCreditLine = line;
    }

    /** The customer account a Mojaloop identifier names. */
    synchronized Optional<AccountSpec> find(PartyId id) {
        return accounts.values().stream().filter(a -> a.isNamedBy(id)).findFirst();
    }

    /** A listed account by number. */
    synchronized Optional<AccountSpec> account(String accountNo) {
        return Optional.ofNullable(accounts.get(accountNo));
    }

    /**
     * What can leave an account now: balance less holds, plus the credit line for the bank's own accounts. Listed
     * accounts answer in their own currency only; the bank's own accounts ({@code houseAccounts}) in any.
     */
    synchronized Money available(String accountNo, String currency, List<String> houseAccounts) {
        AccountSpec listed = accounts.get(accountNo);
        if (listed == null && !houseAccounts.contains(accountNo)) {
            throw new CbsException(FailureKind.NOT_FOUND, "no account " + accountNo);
        }
        if (listed != null && !listed.currency().equals(currency)) {
            throw new CbsException(FailureKind.UNSUPPORTED_CURRENCY, "account " + accountNo + " holds " + listed.currency());
        }
        return new Money(spendable(new Pocket(accountNo, currency)), currency);
    }

    /** Balance less holds, plus the credit line when the pocket is not a listed customer account. Caller holds the monitor. */
    private BigDecimal spendable(Pocket pocket) {
        BigDecimal available = ledger.available(pocket);
        return accounts.containsKey(pocket.accountNo()) ? available : available.add(houseCreditLine);
    }

    /** The account a transfer may book against, or the failure that forbids it. */
    synchronized AccountSpec usable(Optional<AccountSpec> account, String name, Money amount) {
        AccountSpec found = account.orElseThrow(() -> new CbsException(FailureKind.NOT_FOUND, "no account for " + name));
        if (amount.amount().signum() <= 0) {
            throw new CbsException(FailureKind.REJECTED, "amount must be positive");
        }
        if (!found.status().canTransact()) {
            throw new CbsException(FailureKind.BLOCKED, "account " + found.accountNo() + " is " + found.status());
        }
        if (!found.currency().equals(amount.currency())) {
            throw new CbsException(FailureKind.UNSUPPORTED_CURRENCY, "account " + found.accountNo() + " holds " + found.currency());
        }
        return found;
    }

    /** Fails with INSUFFICIENT_FUNDS unless {@code amount} may leave the pocket (for the bank's own accounts: within the line). */
    synchronized void requireCover(Pocket pocket, BigDecimal amount) {
        if (spendable(pocket).compareTo(amount) < 0) {
            String line = accounts.containsKey(pocket.accountNo()) ? "" : " (house account, credit line " + houseCreditLine.toPlainString() + ")";
            throw new CbsException(FailureKind.INSUFFICIENT_FUNDS, "account " + pocket.accountNo() + line + " cannot cover " + amount);
        }
    }

    /**
     * What the bank knows of a transfer: an operation answered pending, found by its pending reference (or, without
     * a reference, one still pending for the transfer), else a booking found by transfer id or else by reference.
     */
    synchronized TransactionStatus status(String transferId, Optional<String> reference) {
        Optional<Settlement> pending = reference.map(settlements::get)
                .or(() -> reference.isPresent() ? Optional.empty() : settlements.values().stream()
                        .filter(s -> s.transferId().equals(transferId) && s.isPending()).findFirst());
        if (pending.isPresent()) {
            return pending.get().status();
        }
        List<Booking> byId = Stream.of(credits.get(transferId), debits.get(transferId)).filter(Objects::nonNull).toList();
        Optional<Booking> found = byId.stream().filter(b -> reference.isEmpty() || reference.get().equals(b.reference()))
                .findFirst()
                .or(() -> byId.stream().findFirst())
                .or(() -> Stream.concat(credits.values().stream(), debits.values().stream())
                        .filter(b -> reference.filter(b.reference()::equals).isPresent()).findFirst());
        return found.map(b -> new TransactionStatus(b.state().status(), Optional.of(b.reference())))
                .orElse(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
    }

    /**
     * What the bank knows of one leg of a transfer, read from the state its booking reached: a leg the booking has
     * passed through is COMPLETED, one it has not is NOT_FOUND (the bank keeps one booking per transfer and side); an
     * operation answered pending reports its settlement's state while pending or failed.
     */
    synchronized TransactionStatus legStatus(LegKey key, Optional<String> reference) {
        String operation = switch (key.leg()) {
            case RESERVE -> "reserveCredit";
            case COMMIT -> "commitCredit";
            case RELEASE -> "releaseCredit";
            case DEBIT -> "debit";
            case HOLD -> "holdDebit";
            case CAPTURE -> "captureDebit";
            case RELEASE_HOLD -> "releaseDebit";
            case REFUND -> "refund";
        };
        Optional<Settlement> pending = reference.map(settlements::get).filter(s -> s.operation().equals(operation))
                .or(() -> settlements.values().stream()
                        .filter(s -> s.operation().equals(operation) && s.transferId().equals(key.transferId())).findFirst());
        if (pending.isPresent() && pending.get().isPending()) {
            return pending.get().status();
        }
        if (pending.isPresent() && pending.get().status().state() == TransactionStatus.State.FAILED) {
            return pending.get().status();
        }
        boolean payee = key.leg() == Leg.RESERVE || key.leg() == Leg.COMMIT || key.leg() == Leg.RELEASE;
        Booking booking = (payee ? credits : debits).get(key.transferId());
        if (booking == null) {
            return new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty());
        }
        Booking.State state = booking.state();
        boolean passed = switch (key.leg()) {
            case RESERVE, DEBIT, HOLD -> true;
            case COMMIT -> state == Booking.State.COMMITTED;
            case RELEASE, RELEASE_HOLD -> state == Booking.State.RELEASED;
            case REFUND -> state == Booking.State.REFUNDED;
            case CAPTURE -> state == Booking.State.CAPTURED;
        };
        return passed ? new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of(booking.reference()))
            : new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty());
    }

    /** The sum of all balances per currency: zero, whatever happened. */
    synchronized Map<String, BigDecimal> totals() {
        return ledger.totals();
    }

    /** The operation answered pending as {@code reference}, if any. */
    synchronized Optional<Settlement> settlement(String reference) {
        return Optional.ofNullable(settlements.get(reference));
    }

    /**
     * The operation answered pending for this call, or a new pending one: a repeated call of one operation of one
     * transfer finds the first.
     *
     * @return the settlement, and whether it was opened by this call
     */
    synchronized Settlement.Opened openSettlement(String operation, String transferId) {
        Optional<Settlement> known = settlements.values().stream()
                .filter(s -> s.operation().equals(operation) && s.transferId().equals(transferId)).findFirst();
        if (known.isPresent()) {
            return new Settlement.Opened(known.get(), false);
        }
        Settlement fresh = Settlement.pending("SBA-" + java.util.UUID.randomUUID(), operation, transferId);
        settlements.put(fresh.reference(), fresh);
        return new Settlement.Opened(fresh, true);
    }

    /** Records how a pending operation settled. */
    synchronized void settled(Settlement settlement) {
        settlements.put(settlement.reference(), settlement);
    }

    /** A new stable reference, {@code SB-<tenant>-<n>}. Caller holds the monitor. */
    String nextReference() {
        return "SB-" + tenantId + "-" + ++lastReference;
    }

    /** The ledger. Caller holds the monitor. */
    Ledger ledger() {
        return ledger;
    }

    /** Payee-side bookings by transfer id. Caller holds the monitor. */
    Map<String, Booking> credits() {
        return credits;
    }

    /** Payer-side bookings by transfer id. Caller holds the monitor. */
    Map<String, Booking> debits() {
        return debits;
    }

    /** The number of listed accounts. */
    synchronized int size() {
        return accounts.size();
    }
}
