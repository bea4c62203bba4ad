package io.coregate.plugins.t24;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.MoneyCall;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.support.keys.LegKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Money movements as T24 payment orders ({@code POST /order/paymentOrders}), one order per leg, the leg's key in
 * {@code orderingReference} and the Mojaloop transfer id in {@code endToEndReference}.
 *
 * <p>T24 has no idempotency key: an order posted twice books twice. So an order is posted once per call, never
 * repeated here, and when the gateway calls a leg again ({@link LegKey#isRetry()}: the earlier answer was lost, a
 * 5xx, a timeout) the order is first looked up by its reference, and the earlier order is answered if it exists; a
 * look-up that fails posts nothing. Thread-safe.
 */
final class PaymentOrders {

    /**
     * The leg keys as {@code orderingReference}s: at most 18 letters and digits (the field's length in Transact), the
     * leg's two-letter code last ({@code 3f9c0a1b2c3d4e5fCM}).
     */
    static final LegKeys REFERENCES = new LegKeys(18, LegKeys.Charset.ALPHANUMERIC, LegKeys.LegStyle.CODE);
    /** The path orders are created at and read from. */
    static final String PATH = "/order/paymentOrders";

    private static final int NARRATIVE_LENGTH = 35;
    private static final int END_TO_END_LENGTH = 35;
    private static final Duration CHECK_AFTER = Duration.ofSeconds(2);
    private static final Set<String> PENDING = Set.of("INAU", "INAO", "IHLD", "HLD", "PENDING", "IN PROGRESS");
    private static final Set<String> FAILED = Set.of("REVE", "RNAU", "RNAO", "REJECTED", "CANCELLED", "FAILED", "REVERSED");
    private static final Set<String> COMPLETED = Set.of("LIVE", "AUTH", "AUTHORISED", "COMPLETED", "PROCESSED", "999");

    private final T24Settings settings;
    private final T24Client bank;

    PaymentOrders(T24Settings settings, T24Client bank) {
        this.settings = settings;
        this.bank = bank;
    }

    /**
     * One leg as one payment order from one account to another: looked up first on a retry, else posted once.
     *
     * @param call      the money call (its leg key, attempt and transfer context)
     * @param leg       the leg, used when the call names none (a request built without a leg)
     * @param from      the debit account
     * @param to        the credit account
     * @param amount    what moves
     * @param narrative the narrative lines
     */
    Outcome<Receipt> book(MoneyCall call, io.coregate.plugin.api.Leg leg, String from, String to, Money amount, List<String> narrative) {
        LegKey key = call.leg().orElse(LegKey.first(call.transferId(), leg));
        String reference = REFERENCES.key(key);
        if (key.isRetry()) {
            Outcome<Optional<JsonNode>> earlier = find(reference);
            if (earlier instanceof Outcome.Failed<Optional<JsonNode>> failed) {
                return Outcome.failed(failed.kind(), "t24: cannot tell whether order " + reference + " was booked before, so it is not "
                        + "posted again: " + failed.message());
            }
            if (earlier instanceof Outcome.Done<Optional<JsonNode>> done && done.value().isPresent()) {
                return receipt(done.value().get(), reference);
            }
        }
        Outcome<JsonNode> posted = bank.post(PATH, body(call, from, to, amount, narrative, reference));
        return switch (posted) {
            case Outcome.Done<JsonNode> done -> created(done.value().path("header"), reference);
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    /** The order booked under this reference, if any ({@link #REFERENCES} form). */
    Outcome<Optional<JsonNode>> find(String reference) {
        Outcome<JsonNode> found = bank.get(T24Client.path(settings.orderSearchPath(), Map.of("reference", reference)), Operation.STATUS);
        return switch (found) {
            // The bank may ignore the filter: only an order carrying exactly this reference counts.
            case Outcome.Done<JsonNode> done -> Outcome.done(StreamSupport.stream(done.value().path("body").spliterator(), false)
                    .filter(order -> reference.equals(order.path("orderingReference").asText()))
                    .findFirst());
            case Outcome.Failed<JsonNode> failed when failed.kind() == FailureKind.NOT_FOUND -> Outcome.done(Optional.empty());
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    /** {@code GET /order/paymentOrders/{id}}: the order's state. */
    Outcome<TransactionStatus> status(String orderId) {
        Outcome<JsonNode> found = bank.get(T24Client.path(PATH + "/{id}", Map.of("id", orderId)), Operation.STATUS);
        return switch (found) {
            case Outcome.Done<JsonNode> done -> done.value().path("body").path(0).isMissingNode()
                    ? Outcome.failed(FailureKind.NOT_FOUND, "t24 has no payment order " + orderId)
                    : Outcome.done(new TransactionStatus(state(done.value().path("body").path(0)), Optional.of(orderId)));
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    /** The state of an order read back: unauthorised or held is pending, reversed is failed, live is completed. */
    static TransactionStatus.State state(JsonNode order) {
        for (String field : List.of("systemStatus", "currentStatus", "transactionStatus")) {
            String value = order.path(field).asText("").strip().toUpperCase(Locale.ROOT);
            if (PENDING.contains(value)) {
                return TransactionStatus.State.PENDING;
            }
            if (FAILED.contains(value)) {
                return TransactionStatus.State.FAILED;
            }
            if (COMPLETED.contains(value)) {
                return TransactionStatus.State.COMPLETED;
            }
        }
        return TransactionStatus.State.PENDING;
    }

    /** The order's JSON body: the adapter's fields over the tenant's allowed {@code orderFields}. */
    Map<String, Object> body(MoneyCall call, String from, String to, Money amount, List<String> narrative, String reference) {
        var body = new LinkedHashMap<String, Object>(settings.orderFields());
        body.put("paymentOrderProductId", settings.productId());
        body.put("debitAccountId", from);
        body.put("creditAccountId", to);
        body.put("paymentCurrency", amount.currency());
        body.put("transactionAmount", new BigDecimal(amount.plain()));
        body.put("orderingReference", reference);
        body.put("endToEndReference", endToEnd(call.transferId()));
        body.put("narratives", narrative.stream().filter(line -> !line.isBlank())
                .map(line -> Map.of("narrative", line.length() > NARRATIVE_LENGTH ? line.substring(0, NARRATIVE_LENGTH) : line)).toList());
        return body;
    }

    /** The transfer id as T24's {@code endToEndReference} (35 characters): a UUID without its dashes when it is longer. */
    static String endToEnd(String transferId) {
        if (transferId.length() <= END_TO_END_LENGTH) {
            return transferId;
        }
        String compact = transferId.replace("-", "");
        return compact.length() <= END_TO_END_LENGTH ? compact : compact.substring(0, END_TO_END_LENGTH);
    }

    private static Outcome<Receipt> created(JsonNode header, String reference) {
        String id = header.path("id").asText("");
        if (id.isBlank()) {
            return Outcome.failed(FailureKind.TIMEOUT, "t24 accepted order " + reference + " without naming it: the outcome is unknown");
        }
        String status = header.path("transactionStatus").asText("").toUpperCase(Locale.ROOT);
        return PENDING.contains(status) ? Outcome.pending(id, CHECK_AFTER) : Outcome.done(new Receipt(id));
    }

    private static Outcome<Receipt> receipt(JsonNode order, String reference) {
        String id = order.path("paymentOrderId").asText("");
        return switch (state(order)) {
            case COMPLETED -> Outcome.done(new Receipt(id));
            case PENDING -> Outcome.pending(id, CHECK_AFTER);
            case FAILED, NOT_FOUND -> Outcome.failed(FailureKind.REJECTED, "t24 order " + id + " under reference " + reference
                    + " was reversed or refused; it is not posted again");
        };
    }
}
