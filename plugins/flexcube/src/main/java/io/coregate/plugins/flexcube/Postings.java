package io.coregate.plugins.flexcube;

import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.MoneyCall;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Money movements as retail teller transactions of {@code FCUBSRTService}: {@code CreateTransaction} (the customer or
 * the tenant's account as {@code TXNACC}, the other as {@code OFFSETACC}, the leg's key as {@code XREF}),
 * {@code QueryTransaction} by XREF or FCC reference, and {@code ReverseTransaction} for a same-day refund.
 *
 * <p>FCUBS either refuses a repeated XREF or, where the bank's gateway does not check it, books it again. So a posting
 * is sent once per call, and when the gateway calls a leg again ({@link LegKey#isRetry()}) the XREF is looked up first
 * and the earlier transaction answered; a refusal as a duplicate is answered the same way. A look-up that fails posts
 * nothing. An unauthorised transaction (maker-checker) is {@link Outcome.Pending pending} under its FCC reference.
 * Thread-safe.
 */
final class Postings {

    /** The RT service. */
    static final String SERVICE = "FCUBSRTService";
    private static final Duration CHECK_AFTER = Duration.ofSeconds(2);
    private static final int NARRATIVE_LENGTH = 105;
    private static final Set<String> REVERSED = Set.of("V", "R", "REVERSED");

    private final FlexcubeSettings settings;
    private final FlexcubeClient bank;

    Postings(FlexcubeSettings settings, FlexcubeClient bank) {
        this.settings = settings;
        this.bank = bank;
    }

    /** The XREF of a leg. */
    String xref(LegKey key) {
        return settings.references().key(key);
    }

    /**
     * One leg as one transaction: looked up first on a retry, else created once.
     *
     * @param call      the money call (its leg key and context)
     * @param leg       the leg, used when the call names none
     * @param product   the RT product
     * @param txnAcc    the transaction account ({@code TXNACC}: debited)
     * @param offsetAcc the offset account ({@code OFFSETACC}: credited)
     * @param amount    what moves
     * @param narrative the narrative
     */
    Outcome<Receipt> book(MoneyCall call, Leg leg, String product, String txnAcc, String offsetAcc, Money amount, String narrative) {
        LegKey key = call.leg().filter(k -> k.leg() == leg).orElse(LegKey.first(call.transferId(), leg));
        String xref = xref(key);
        if (key.isRetry()) {
            Outcome<Optional<Soap.Element>> earlier = find(xref);
            if (earlier instanceof Outcome.Failed<Optional<Soap.Element>> failed) {
                return Outcome.failed(failed.kind(), "flexcube: cannot tell whether XREF " + xref + " was booked before, so it is not "
                        + "posted again: " + failed.message());
            }
            if (earlier instanceof Outcome.Done<Optional<Soap.Element>> done && done.value().isPresent()) {
                return receipt(done.value().get(), xref);
            }
        }
        var txn = new LinkedHashMap<String, String>();
        txn.put("XREF", xref);
        txn.put("PRD", product);
        txn.put("BRN", settings.branch());
        txn.put("TXNBRN", settings.branch());
        txn.put("TXNACC", txnAcc);
        txn.put("TXNCCY", amount.currency());
        txn.put("TXNAMT", amount.plain());
        txn.put("OFFSETBRN", settings.branch());
        txn.put("OFFSETACC", offsetAcc);
        txn.put("OFFSETCCY", amount.currency());
        txn.put("OFFSETAMT", amount.plain());
        txn.put("TXNDATE", LocalDate.now(ZoneOffset.UTC).toString());
        txn.put("NARRATIVE", narrative.length() > NARRATIVE_LENGTH ? narrative.substring(0, NARRATIVE_LENGTH) : narrative);
        FlexcubeClient.Answer answer = bank.call(SERVICE, "CreateTransaction", "CREATETRANSACTION_FSFS_REQ",
                Map.of("Transaction-Details", txn), Operation.POSTING);
        if (answer instanceof FlexcubeClient.Answer.Refused refused && refused.reply().has(settings.duplicateCodes())) {
            Outcome<Optional<Soap.Element>> earlier = find(xref);
            if (earlier instanceof Outcome.Done<Optional<Soap.Element>> done && done.value().isPresent()) {
                return receipt(done.value().get(), xref);
            }
            return Outcome.failed(FailureKind.TIMEOUT, "flexcube refused XREF " + xref + " as a duplicate but does not answer it: "
                    + "the outcome is unknown");
        }
        if (!(answer instanceof FlexcubeClient.Answer.Ok ok)) {
            return bank.failure(answer);
        }
        return created(ok.reply().body().find("Transaction-Details"), xref);
    }

    /** The transaction booked under this XREF, if any. */
    Outcome<Optional<Soap.Element>> find(String xref) {
        return query(Map.of("XREF", xref));
    }

    /** The transaction of this FCC reference, if any. */
    Outcome<Optional<Soap.Element>> byReference(String fccref) {
        return query(Map.of("FCCREF", fccref));
    }

    /**
     * Reverses a transaction ({@code ReverseTransaction}): done when reversed now or before ({@code RT-REV-01}); the failure otherwise (the
     * bank refuses a reversal after the transaction's day: the caller then posts a compensating transaction).
     */
    Outcome<Receipt> reverse(String fccref) {
        FlexcubeClient.Answer answer = bank.call(SERVICE, "ReverseTransaction", "REVERSETRANSACTION_FSFS_REQ",
                Map.of("Transaction-Details-IO", Map.of("FCCREF", fccref)), Operation.POSTING);
        if (answer instanceof FlexcubeClient.Answer.Ok
                || answer instanceof FlexcubeClient.Answer.Refused r && r.reply().has(Set.of(FlexcubeSettings.ALREADY_REVERSED))) {
            return Outcome.done(new Receipt(fccref));
        }
        return bank.failure(answer);
    }

    /** The state of a transaction read back: unauthorised is pending, reversed is failed, authorised is completed. */
    static TransactionStatus.State state(Soap.Element txn) {
        if (reversed(txn)) {
            return TransactionStatus.State.FAILED;
        }
        return "U".equalsIgnoreCase(txn.text("AUTHSTAT")) ? TransactionStatus.State.PENDING : TransactionStatus.State.COMPLETED;
    }

    /** Whether the transaction was reversed ({@code TXNSTAT} V). */
    static boolean reversed(Soap.Element txn) {
        return REVERSED.contains(txn.text("TXNSTAT").toUpperCase(Locale.ROOT));
    }

    /** The transaction's booking date, when FCUBS says. */
    static Optional<LocalDate> date(Soap.Element txn) {
        try {
            return txn.text("TXNDATE").isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(txn.text("TXNDATE")));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Outcome<Optional<Soap.Element>> query(Map<String, String> key) {
        FlexcubeClient.Answer answer = bank.call(SERVICE, "QueryTransaction", "QUERYTRANSACTION_IOFS_REQ",
                Map.of("Transaction-Details-IO", key), Operation.STATUS);
        if (answer instanceof FlexcubeClient.Answer.Ok ok) {
            return Outcome.done(ok.reply().body().find("Transaction-Details")
                    .filter(t -> key.entrySet().stream().allMatch(e -> e.getValue().equals(t.text(e.getKey())))));
        }
        Outcome<Optional<Soap.Element>> failed = bank.failure(answer);
        return answer instanceof FlexcubeClient.Answer.Refused && failed instanceof Outcome.Failed<Optional<Soap.Element>> f
                && f.kind() == FailureKind.NOT_FOUND ? Outcome.done(Optional.empty()) : failed;
    }

    private static Outcome<Receipt> created(Optional<Soap.Element> txn, String xref) {
        String fccref = txn.map(t -> t.text("FCCREF")).orElse("");
        if (fccref.isBlank()) {
            return Outcome.failed(FailureKind.TIMEOUT, "flexcube accepted XREF " + xref + " without an FCC reference: the outcome is unknown");
        }
        return state(txn.get()) == TransactionStatus.State.PENDING ? Outcome.pending(fccref, CHECK_AFTER) : Outcome.done(new Receipt(fccref));
    }

    private static Outcome<Receipt> receipt(Soap.Element txn, String xref) {
        String fccref = txn.text("FCCREF");
        return switch (state(txn)) {
            case COMPLETED -> Outcome.done(new Receipt(fccref));
            case PENDING -> Outcome.pending(fccref, CHECK_AFTER);
            case FAILED, NOT_FOUND -> Outcome.failed(FailureKind.REJECTED, "flexcube transaction " + fccref + " under XREF " + xref
                    + " was reversed; it is not posted again");
        };
    }

    /** The narrative lines joined as FCUBS's single narrative. */
    static String narrative(List<String> lines) {
        return String.join(" / ", lines.stream().filter(l -> !l.isBlank()).toList());
    }
}
