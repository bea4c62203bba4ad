package io.coregate.plugins.fineract;

import io.coregate.plugin.sim.Ledger;
import io.coregate.plugin.sim.LedgerException;
import io.coregate.plugin.sim.SimResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated Fineract's clients, savings accounts, holds and account transfers, over the kit's {@link Ledger} (savings
 * account {@code n} is ledger account {@code "n"}). Amounts are rounded to the currency's {@code inMultiplesOf} as
 * Fineract rounds them. Guarded by the ledger's monitor: callers synchronize on {@link #ledger()}.
 */
final class FineractBook {

    /** A client. */
    record Client(long id, long officeId, String firstname, String lastname, String mobileNo, String externalId) {
        String displayName() {
            return (firstname + " " + lastname).strip();
        }
    }

    /** A savings account; sub-status one of none, dormant, inactive, block, blockCredit, blockDebit. */
    record Savings(long id, long clientId, long productId, String currency, boolean active, String subStatus, BigDecimal inMultiplesOf) {
    }

    private record HoldRow(long savingsId, String ledgerHold) {
    }

    private final Ledger ledger;
    private final Map<Long, Client> clients = new LinkedHashMap<>();
    private final Map<Long, Savings> savings = new LinkedHashMap<>();
    private final Map<Long, HoldRow> holds = new LinkedHashMap<>();
    private final List<FineractTransfer> transfers = new ArrayList<>();
    private long sequence = 1000;

    FineractBook(Ledger ledger) {
        this.ledger = ledger;
    }

    Ledger ledger() {
        return ledger;
    }

    void addClient(Client client) {
        clients.put(client.id(), client);
    }

    void open(Savings account, BigDecimal opening) {
        savings.put(account.id(), account);
        ledger.open(Long.toString(account.id()), account.currency(), opening);
    }

    /** Changes an account's sub-status (a test blocking or unblocking it). */
    void subStatus(long accountId, String subStatus) {
        Savings s = savings.get(accountId);
        savings.put(accountId, new Savings(s.id(), s.clientId(), s.productId(), s.currency(), s.active(), subStatus, s.inMultiplesOf()));
    }

    /** Changes an account's {@code inMultiplesOf}. */
    void inMultiplesOf(long accountId, BigDecimal multiple) {
        Savings s = savings.get(accountId);
        savings.put(accountId, new Savings(s.id(), s.clientId(), s.productId(), s.currency(), s.active(), s.subStatus(), multiple));
    }

    Optional<Client> client(long id) {
        return Optional.ofNullable(clients.get(id));
    }

    List<Client> clients() {
        return List.copyOf(clients.values());
    }

    Optional<Savings> savings(long id) {
        return Optional.ofNullable(savings.get(id));
    }

    List<Savings> savingsOf(long clientId) {
        return savings.values().stream().filter(s -> s.clientId() == clientId).toList();
    }

    List<FineractTransfer> transfers() {
        return List.copyOf(transfers);
    }

    BigDecimal available(long accountId) {
        return ledger.available(Long.toString(accountId));
    }

    BigDecimal balance(long accountId) {
        return ledger.balance(Long.toString(accountId));
    }

    /** What Fineract books for an amount on an account: rounded half-even to the nearest multiple. */
    static BigDecimal rounded(Savings account, BigDecimal amount) {
        if (account.inMultiplesOf().signum() == 0) {
            return amount.setScale(2, RoundingMode.HALF_EVEN);
        }
        return amount.divide(account.inMultiplesOf(), 0, RoundingMode.HALF_EVEN).multiply(account.inMultiplesOf());
    }

    /** The refusal of a debit of the account, if it cannot be debited. */
    Optional<SimResponse> refuseDebit(Savings account, BigDecimal amount, BigDecimal extraAvailable) {
        if (!account.active()) {
            return Optional.of(FineractSimulator.error(403, "error.msg.savingsaccount.transaction.account.is.not.active",
                    "Transaction is not allowed. Account is not active."));
        }
        if (List.of("block", "blockDebit").contains(account.subStatus())) {
            return Optional.of(FineractSimulator.error(403, "error.msg.savings.account.debit.transaction.not.allowed",
                    "Any debit transactions from " + account.id() + " is not allowed, since the account is blocked for debits"));
        }
        if (available(account.id()).add(extraAvailable).compareTo(amount) < 0) {
            return Optional.of(FineractSimulator.error(403, "error.msg.savingsaccount.transaction.insufficient.account.balance",
                    "Insufficient account balance."));
        }
        return Optional.empty();
    }

    /** The refusal of a credit to the account, if it cannot be credited. */
    Optional<SimResponse> refuseCredit(Savings account) {
        if (!account.active()) {
            return Optional.of(FineractSimulator.error(403, "error.msg.savingsaccount.transaction.account.is.not.active",
                    "Transaction is not allowed. Account is not active."));
        }
        if (List.of("block", "blockCredit").contains(account.subStatus())) {
            return Optional.of(FineractSimulator.error(403, "error.msg.savings.account.credit.transaction.not.allowed",
                    "Any Credit transactions to " + account.id() + " is not allowed, since the account is blocked for credits"));
        }
        return Optional.empty();
    }

    FineractTransfer transfer(String legKey, Savings from, Savings to, BigDecimal amount, String description, String date) {
        ledger.transfer(legKey, Long.toString(from.id()), Long.toString(to.id()), amount, from.currency());
        var transfer = new FineractTransfer(++sequence, from.id(), to.id(), amount, from.currency(), description, date);
        transfers.add(transfer);
        return transfer;
    }

    long hold(String legKey, Savings account, BigDecimal amount) {
        var hold = ledger.hold(legKey, Long.toString(account.id()), amount, account.currency());
        long id = ++sequence;
        holds.put(id, new HoldRow(account.id(), hold.id()));
        return id;
    }

    /** The ledger's hold behind a Fineract hold transaction of this account, when it is still open. */
    Optional<io.coregate.plugin.sim.Hold> openHold(long savingsId, long transactionId) {
        HoldRow row = holds.get(transactionId);
        if (row == null || row.savingsId() != savingsId) {
            return Optional.empty();
        }
        return ledger.findHold(row.ledgerHold()).filter(h -> h.state() == io.coregate.plugin.sim.Hold.State.OPEN);
    }

    void release(long transactionId) {
        try {
            ledger.release(holds.get(transactionId).ledgerHold());
        } catch (LedgerException e) {
            throw new IllegalStateException("release of an open hold failed", e);
        }
    }
}
