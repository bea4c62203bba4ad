package io.coregate.plugins.fineract;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.sim.SimRequest;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugins.fineract.FineractBook.Savings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated Fineract's commands (account transfer, hold, release of a hold, and batches of them) and its
 * idempotency: Fineract records each command under its action and {@code Idempotency-Key} before running it, answers a
 * key it has processed with the stored answer (success or refusal) without running it again, and refuses a key still
 * being processed with 409. A batch with {@code enclosingTransaction=true} is checked in full before anything is
 * booked, so it books all of its items or none. Thread-safe: all state is guarded by the ledger's monitor.
 */
final class FineractCommands {

    /** One command: path parameters, JSON body and idempotency key. */
    record Input(Map<String, String> params, JsonNode body, String key) {
    }

    /** A command checked before it is applied (the check sees what earlier items of a batch released). */
    interface Command {
        Optional<SimResponse> check(Input input, Map<Long, BigDecimal> released);

        SimResponse apply(Input input);
    }

    private sealed interface Stored {
    }

    private record InProgress() implements Stored {
    }

    private record Done(SimResponse answer) implements Stored {
    }

    private final FineractBook book;
    private final Map<String, Stored> commands = new HashMap<>();
    private volatile Duration delay = Duration.ZERO;
    private long anonymous;

    FineractCommands(FineractBook book) {
        this.book = book;
    }

    void delay(Duration newDelay) {
        this.delay = newDelay;
    }

    final Command transfer = new Command() {
        @Override
        public Optional<SimResponse> check(Input input, Map<Long, BigDecimal> released) {
            return dated(input.body(), "transferDate").or(() -> amount(input.body(), "transferAmount").flatMap(amount -> {
                Optional<Savings> from = savings(input.body().path("fromAccountId"));
                Optional<Savings> to = savings(input.body().path("toAccountId"));
                if (from.isEmpty() || to.isEmpty()) {
                    return Optional.of(FineractSimulator.error(404, "error.msg.saving.account.id.invalid", "Saving account with identifier "
                            + (from.isEmpty() ? input.body().path("fromAccountId") : input.body().path("toAccountId")) + " does not exist"));
                }
                if (!owned(from.get(), input.body(), "from") || !owned(to.get(), input.body(), "to")) {
                    return Optional.of(FineractSimulator.error(400, "validation.msg.accounttransfer.client.mismatch",
                            "the client or office does not own the savings account"));
                }
                if (!from.get().currency().equals(to.get().currency())) {
                    return Optional.of(FineractSimulator.error(400, "validation.msg.accounttransfer.currency.mismatch",
                            "the accounts hold different currencies"));
                }
                BigDecimal booked = FineractBook.rounded(from.get(), amount);
                return book.refuseDebit(from.get(), booked, released.getOrDefault(from.get().id(), BigDecimal.ZERO))
                        .or(() -> book.refuseCredit(to.get()));
            }));
        }

        @Override
        public SimResponse apply(Input input) {
            Savings from = savings(input.body().path("fromAccountId")).orElseThrow();
            Savings to = savings(input.body().path("toAccountId")).orElseThrow();
            BigDecimal booked = FineractBook.rounded(from, new BigDecimal(input.body().path("transferAmount").asText()));
            var transfer = book.transfer(input.key(), from, to, booked, input.body().path("transferDescription").asText(""),
                    input.body().path("transferDate").asText());
            return SimResponse.ok(Map.of("savingsId", from.id(), "resourceId", transfer.id()));
        }
    };

    final Command hold = new Command() {
        @Override
        public Optional<SimResponse> check(Input input, Map<Long, BigDecimal> released) {
            return dated(input.body(), "transactionDate").or(() -> amount(input.body(), "transactionAmount").flatMap(amount -> {
                Optional<Savings> account = FineractSimulator.id(input.params().get("savingsId")).flatMap(book::savings);
                if (account.isEmpty()) {
                    return Optional.of(FineractSimulator.error(404, "error.msg.saving.account.id.invalid", "Saving account with identifier "
                            + input.params().get("savingsId") + " does not exist"));
                }
                return book.refuseDebit(account.get(), FineractBook.rounded(account.get(), amount), BigDecimal.ZERO);
            }));
        }

        @Override
        public SimResponse apply(Input input) {
            Savings account = FineractSimulator.id(input.params().get("savingsId")).flatMap(book::savings).orElseThrow();
            BigDecimal amount = FineractBook.rounded(account, new BigDecimal(input.body().path("transactionAmount").asText()));
            long id = book.hold(input.key(), account, amount);
            return SimResponse.ok(Map.of("officeId", 2, "clientId", account.clientId(), "savingsId", account.id(), "resourceId", id));
        }
    };

    final Command release = new Command() {
        @Override
        public Optional<SimResponse> check(Input input, Map<Long, BigDecimal> released) {
            if (input.body().path("locale").asText("").isEmpty()) {
                return Optional.of(missingLocale());
            }
            long savingsId = FineractSimulator.id(input.params().get("savingsId")).orElse(0L);
            long transactionId = FineractSimulator.id(input.params().get("transactionId")).orElse(0L);
            return book.openHold(savingsId, transactionId).isPresent() ? Optional.empty()
                    : Optional.of(FineractSimulator.error(403, "error.msg.savingsaccount.release.amount.hold.not.found",
                            "no open hold " + transactionId + " on savings account " + savingsId));
        }

        @Override
        public SimResponse apply(Input input) {
            long savingsId = FineractSimulator.id(input.params().get("savingsId")).orElseThrow();
            long transactionId = FineractSimulator.id(input.params().get("transactionId")).orElseThrow();
            book.release(transactionId);
            return SimResponse.ok(Map.of("savingsId", savingsId, "resourceId", transactionId));
        }
    };

    /** Runs one command under its request's {@code Idempotency-Key}. */
    SimResponse run(String action, SimRequest request, Command command) {
        String key = request.header(FineractClient.IDEMPOTENCY_HEADER).orElse("");
        var input = new Input(request.pathParams(), request.body(), key);
        synchronized (book.ledger()) {
            Optional<SimResponse> seen = seen(action, key);
            if (seen.isPresent()) {
                return seen.get();
            }
        }
        pause();
        synchronized (book.ledger()) {
            SimResponse answer = command.check(input, Map.of()).orElseGet(() -> command.apply(keyed(input)));
            remember(action, key, answer);
            return answer;
        }
    }

    /** {@code POST /batches}: each item with its own key; with {@code enclosingTransaction=true} all or nothing. */
    SimResponse batch(SimRequest request) {
        if (!"true".equals(request.query().get("enclosingTransaction"))) {
            return FineractSimulator.error(400, "error.msg.batch.simulated.enclosing.only", "this simulator runs enclosed batches only");
        }
        var items = new ArrayList<Item>();
        for (JsonNode item : request.body()) {
            Optional<Item> parsed = item(item);
            if (parsed.isEmpty()) {
                return FineractSimulator.error(400, "error.msg.batch.request.unsupported", "unsupported batch item " + item);
            }
            items.add(parsed.get());
        }
        synchronized (book.ledger()) {
            var replayed = new ArrayList<Map<String, Object>>();
            for (Item item : items) {
                Stored stored = commands.get(item.action() + " " + item.input().key());
                if (stored instanceof InProgress) {
                    return inProgress();
                }
                if (stored instanceof Done done) {
                    replayed.add(answer(item.requestId(), done.answer()));
                }
            }
            if (!replayed.isEmpty()) {
                return replayed.size() == items.size() ? SimResponse.ok(replayed)
                        : FineractSimulator.error(400, "error.msg.batch.partially.processed", "some items of this batch were processed before");
            }
            var released = new HashMap<Long, BigDecimal>();
            for (Item item : items) {
                Optional<SimResponse> refusal = item.command().check(item.input(), released);
                if (refusal.isPresent()) {
                    return SimResponse.ok(List.of(answer(item.requestId(), refusal.get())));
                }
                if (item.command() == release) {
                    long savingsId = FineractSimulator.id(item.input().params().get("savingsId")).orElseThrow();
                    long transactionId = FineractSimulator.id(item.input().params().get("transactionId")).orElseThrow();
                    released.merge(savingsId, book.openHold(savingsId, transactionId).orElseThrow().amount(), BigDecimal::add);
                }
            }
            var answers = new ArrayList<Map<String, Object>>();
            for (Item item : items) {
                SimResponse answer = item.command().apply(keyed(item.input()));
                remember(item.action(), item.input().key(), answer);
                answers.add(answer(item.requestId(), answer));
            }
            return SimResponse.ok(answers);
        }
    }

    /** An account transfer as {@code GET /accounttransfers} lists it. */
    static Map<String, Object> transferItem(FineractTransfer t) {
        var item = new LinkedHashMap<String, Object>();
        item.put("id", t.id());
        item.put("reversed", false);
        item.put("currency", Map.of("code", t.currency()));
        item.put("fromAccount", Map.of("id", t.from()));
        item.put("toAccount", Map.of("id", t.to()));
        item.put("transferAmount", t.amount());
        item.put("transferDate", t.date());
        item.put("transferDescription", t.description());
        return item;
    }

    private record Item(long requestId, String action, Command command, Input input) {
    }

    private Optional<Item> item(JsonNode item) {
        String url = item.path("relativeUrl").asText();
        String key = "";
        for (JsonNode header : item.path("headers")) {
            if (FineractClient.IDEMPOTENCY_HEADER.equalsIgnoreCase(header.path("name").asText())) {
                key = header.path("value").asText();
            }
        }
        JsonNode body = FineractSimulator.parse(item.path("body").asText("{}"));
        long requestId = item.path("requestId").asLong();
        var release = java.util.regex.Pattern.compile("savingsaccounts/([0-9]+)/transactions/([0-9]+)\\?command=releaseAmount").matcher(url);
        if (release.matches()) {
            return Optional.of(new Item(requestId, "RELEASEAMOUNT SAVINGSACCOUNT", this.release,
                    new Input(Map.of("savingsId", release.group(1), "transactionId", release.group(2)), body, key)));
        }
        if (url.equals("accounttransfers")) {
            return Optional.of(new Item(requestId, "CREATE ACCOUNTTRANSFER", transfer, new Input(Map.of(), body, key)));
        }
        return Optional.empty();
    }

    private static Map<String, Object> answer(long requestId, SimResponse response) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("requestId", requestId);
        answer.put("statusCode", response.status());
        answer.put("headers", List.of(Map.of("name", "Content-Type", "value", "application/json")));
        answer.put("body", response.body().toString());
        return answer;
    }

    private Optional<SimResponse> seen(String action, String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Stored stored = commands.get(action + " " + key);
        if (stored instanceof InProgress) {
            return Optional.of(inProgress());
        }
        if (stored instanceof Done done) {
            return Optional.of(done.answer());
        }
        commands.put(action + " " + key, new InProgress());
        return Optional.empty();
    }

    private void remember(String action, String key, SimResponse answer) {
        if (!key.isEmpty()) {
            commands.put(action + " " + key, new Done(answer));
        }
    }

    private Input keyed(Input input) {
        return input.key().isEmpty() ? new Input(input.params(), input.body(), "fineract-" + (++anonymous)) : input;
    }

    private void pause() {
        long millis = delay.toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static SimResponse inProgress() {
        return FineractSimulator.error(409, "error.msg.idempotent.request.under.processing",
                "The request with this Idempotency-Key is still being processed");
    }

    private static SimResponse missingLocale() {
        return FineractSimulator.error(400, "validation.msg.missing.locale.parameter", "The parameter locale is required");
    }

    private Optional<SimResponse> dated(JsonNode body, String dateField) {
        if (body.path("locale").asText("").isEmpty()) {
            return Optional.of(missingLocale());
        }
        if (body.path("dateFormat").asText("").isEmpty() || body.path(dateField).asText("").isEmpty()) {
            return Optional.of(FineractSimulator.error(400, "validation.msg.missing.dateformat.parameter",
                    "The parameters dateFormat and " + dateField + " are required"));
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> amountOf(JsonNode body, String field) {
        try {
            return Optional.of(new BigDecimal(body.path(field).asText())).filter(a -> a.signum() > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The amount's refusal when it is not a positive decimal; else what {@code next} says of it. */
    private interface AmountCheck {
        Optional<SimResponse> flatMap(java.util.function.Function<BigDecimal, Optional<SimResponse>> next);
    }

    private static AmountCheck amount(JsonNode body, String field) {
        return next -> amountOf(body, field).map(next).orElseGet(() -> Optional.of(FineractSimulator.error(400,
                "validation.msg." + field + ".not.greater.than.zero", "The parameter " + field + " must be greater than 0")));
    }

    private Optional<Savings> savings(JsonNode id) {
        return FineractSimulator.id(id.asText()).flatMap(book::savings);
    }

    private boolean owned(Savings account, JsonNode body, String side) {
        long clientId = body.path(side + "ClientId").asLong();
        long officeId = body.path(side + "OfficeId").asLong();
        return account.clientId() == clientId && book.client(clientId).map(c -> c.officeId() == officeId).orElse(false)
                && body.path(side + "AccountType").asInt() == FineractWire.SAVINGS;
    }
}
