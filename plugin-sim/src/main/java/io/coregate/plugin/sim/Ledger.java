package io.coregate.plugin.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory double-entry ledger with holds. Every booking moves money between two accounts, and opening balances
 * come from the internal {@link #CAPITAL} account, so the balances of each currency always sum to zero: a simulator
 * that loses or doubles money shows it in {@link #violations()}, as does a leg key booked more than once.
 *
 * <p>Thread-safety: every method is synchronized on the ledger; a route may call several and see no interleaving
 * only when it synchronizes on the ledger itself (the {@link Simulator} runs booking routes that way).
 */
public final class Ledger {

    /** The internal account opening balances come from. */
    public static final String CAPITAL = "SIM-CAPITAL";

    private record Account(String currency, BigDecimal overdraft) {
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<String, Hold> holds = new LinkedHashMap<>();
    private final List<Posting> postings = new ArrayList<>();
    private long sequence;

    /**
     * Opens an account funded from {@link #CAPITAL}.
     *
     * @param accountNo the account number
     * @param currency  its only currency
     * @param opening   the opening balance, non-negative
     * @param overdraft how far below zero it may go (zero for a customer; a large line for a bank's float account)
     */
    public synchronized void open(String accountNo, String currency, BigDecimal opening, BigDecimal overdraft) {
        if (accounts.containsKey(accountNo)) {
            throw new IllegalArgumentException("account " + accountNo + " is already open");
        }
        if (opening.signum() < 0 || overdraft.signum() < 0) {
            throw new IllegalArgumentException("opening balance and overdraft must be non-negative");
        }
        accounts.putIfAbsent(CAPITAL + ":" + currency, new Account(currency, null));
        accounts.put(accountNo, new Account(currency, overdraft));
        balances.put(accountNo, BigDecimal.ZERO);
        if (opening.signum() > 0) {
            book("open:" + accountNo, CAPITAL + ":" + currency, accountNo, opening);
        }
    }

    /** A customer account: no overdraft. */
    public void open(String accountNo, String currency, BigDecimal opening) {
        open(accountNo, currency, opening, BigDecimal.ZERO);
    }

    /** Whether the account exists. */
    public synchronized boolean exists(String accountNo) {
        return accounts.containsKey(accountNo);
    }

    /** The account's currency. */
    public synchronized String currency(String accountNo) {
        return account(accountNo).currency();
    }

    /** The booked balance (holds not deducted). */
    public synchronized BigDecimal balance(String accountNo) {
        account(accountNo);
        return balances.getOrDefault(accountNo, BigDecimal.ZERO);
    }

    /** What can be debited now: the balance less open holds (the overdraft not included). */
    public synchronized BigDecimal available(String accountNo) {
        BigDecimal held = holds.values().stream()
                .filter(h -> h.accountNo().equals(accountNo) && h.state() == Hold.State.OPEN)
                .map(Hold::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return balance(accountNo).subtract(held);
    }

    /**
     * Books {@code amount} from one account to another.
     *
     * @throws LedgerException when an account is unknown, the currencies differ or the debited account cannot cover it
     */
    public synchronized Posting transfer(String legKey, String from, String to, BigDecimal amount, String currency) {
        checkMovable(from, amount, currency);
        if (!account(to).currency().equals(currency)) {
            throw new LedgerException(LedgerException.Reason.CURRENCY_MISMATCH, "account " + to + " does not hold " + currency);
        }
        return book(legKey, from, to, amount);
    }

    /** Earmarks {@code amount} on an account. */
    public synchronized Hold hold(String legKey, String accountNo, BigDecimal amount, String currency) {
        checkMovable(accountNo, amount, currency);
        var hold = new Hold("H-" + (++sequence), legKey, accountNo, amount, Hold.State.OPEN);
        holds.put(hold.id(), hold);
        return hold;
    }

    /** Drops an open hold; releasing a released hold is a no-op. */
    public synchronized Hold release(String holdId) {
        Hold hold = openHold(holdId, Hold.State.RELEASED);
        if (hold.state() == Hold.State.RELEASED) {
            return hold;
        }
        return replace(hold.with(Hold.State.RELEASED));
    }

    /** Books an open hold's amount to {@code to}, under the hold's leg key. */
    public synchronized Posting capture(String holdId, String to) {
        Hold hold = openHold(holdId, Hold.State.OPEN);
        replace(hold.with(Hold.State.CAPTURED));
        return book(hold.legKey(), hold.accountNo(), to, hold.amount());
    }

    /** Every hold, oldest first. */
    public synchronized List<Hold> holds() {
        return List.copyOf(holds.values());
    }

    /** A hold by id. */
    public synchronized Optional<Hold> findHold(String holdId) {
        return Optional.ofNullable(holds.get(holdId));
    }

    /** Every posting, oldest first. */
    public synchronized List<Posting> postings() {
        return List.copyOf(postings);
    }

    /** The postings booked under one leg key. */
    public synchronized List<Posting> postings(String legKey) {
        return postings.stream().filter(p -> p.legKey().equals(legKey)).toList();
    }

    /**
     * What is wrong with the books: a currency whose balances do not sum to zero (money created or lost), or a leg key
     * booked more than once. Empty when the books are sound.
     */
    public synchronized List<String> violations() {
        var problems = new ArrayList<String>();
        var sums = new TreeMap<String, BigDecimal>();
        balances.forEach((accountNo, balance) -> sums.merge(accounts.get(accountNo).currency(), balance, BigDecimal::add));
        sums.forEach((currency, sum) -> {
            if (sum.signum() != 0) {
                problems.add("money not conserved in " + currency + ": balances sum to " + sum.toPlainString());
            }
        });
        var perLeg = new TreeMap<String, Integer>();
        postings.forEach(p -> perLeg.merge(p.legKey(), 1, Integer::sum));
        perLeg.forEach((legKey, count) -> {
            if (count > 1) {
                problems.add("leg " + legKey + " booked " + count + " times");
            }
        });
        return problems;
    }

    private Posting book(String legKey, String from, String to, BigDecimal amount) {
        var posting = new Posting("P-" + (++sequence), legKey, from, to, amount, accounts.get(to).currency());
        balances.merge(from, amount.negate(), BigDecimal::add);
        balances.merge(to, amount, BigDecimal::add);
        postings.add(posting);
        return posting;
    }

    private void checkMovable(String accountNo, BigDecimal amount, String currency) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        Account account = account(accountNo);
        if (!account.currency().equals(currency)) {
            throw new LedgerException(LedgerException.Reason.CURRENCY_MISMATCH, "account " + accountNo + " does not hold " + currency);
        }
        if (available(accountNo).add(account.overdraft()).compareTo(amount) < 0) {
            throw new LedgerException(LedgerException.Reason.INSUFFICIENT_FUNDS, "account " + accountNo + " cannot cover " + amount);
        }
    }

    private Account account(String accountNo) {
        Account account = accounts.get(accountNo);
        if (account == null || account.overdraft() == null) {
            throw new LedgerException(LedgerException.Reason.NO_SUCH_ACCOUNT, "no account " + accountNo);
        }
        return account;
    }

    private Hold openHold(String holdId, Hold.State alsoAccepted) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            throw new LedgerException(LedgerException.Reason.NO_SUCH_HOLD, "no hold " + holdId);
        }
        if (hold.state() != Hold.State.OPEN && hold.state() != alsoAccepted) {
            throw new LedgerException(LedgerException.Reason.HOLD_NOT_OPEN, "hold " + holdId + " is " + hold.state());
        }
        return hold;
    }

    private Hold replace(Hold hold) {
        holds.put(hold.id(), hold);
        return hold;
    }
}
