package io.coregate.plugins.mobilemoney;

import io.coregate.plugin.support.narrative.Narratives;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.CallbackHandler;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.HealthStatus;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.MoneyCall;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.support.http.JsonHttp;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One tenant's mobile money provider (GSMA Mobile Money API v1.2). Lookups read the account's status and name
 * ({@code GET /accounts/{identifierType}/{identifier}/status} and {@code .../accountname}); credits are disbursements
 * from the operator's disbursement wallet, debits merchant payments (PAYMENT) or transfers (other scenarios) into its
 * collection wallet, refunds reversals of the debit. Every money leg is one request under an {@code X-CorrelationID}
 * derived from the leg key ({@link Requests}); the provider answers at once ({@code 201}) or later ({@code 202} with a
 * {@code serverCorrelationId}: {@link Outcome.Pending}), settled by its callback ({@link #match}) or by polling
 * ({@link #status(LegKey, Optional)}).
 *
 * <p>Wallets cannot hold funds: no CREDIT_HOLD or DEBIT_HOLD; a reservation answers done without a call and the credit
 * happens at commit. Thread-safe (the client is; the poll counts are concurrent; the rest is immutable).
 */
final class MobileMoneyAdapter implements CoreBankingAdapter, CallbackHandler {

    /** Where the provider's callbacks go below the tenant's callback URL: then the leg key. */
    static final String CALLBACK_PATH = "/transactions/";
    /** The receipt of a reservation, which a wallet cannot make. */
    static final Receipt NO_HOLD = new Receipt("no-hold");

    private static final int DESCRIPTION_LENGTH = 160;
    private static final ObjectMapper JSON = JsonHttp.boundedMapper();

    private final MobileMoneySettings settings;
    private final MobileMoneyClient provider;
    private final Requests requests;
    private final Set<String> currencies;
    private final Optional<String> callbackUrl;

    MobileMoneyAdapter(MobileMoneySettings settings, MobileMoneyClient provider, Set<String> currencies, Optional<String> callbackUrl) {
        this.settings = settings;
        this.provider = provider;
        this.requests = new Requests(settings, provider);
        this.currencies = Set.copyOf(currencies);
        this.callbackUrl = callbackUrl;
    }

    @Override
    public Set<Capability> capabilities() {
        return settings.balance() ? Set.of(Capability.BALANCE, Capability.STATUS) : Set.of(Capability.STATUS);
    }

    @Override
    public Set<String> supportedIdTypes() {
        return settings.identifierTypes().keySet().stream().filter(PartyId.ID_TYPES::contains).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code unregistered} is NOT_FOUND, {@code unavailable} BLOCKED; else the account's name makes the party. */
    @Override
    public Outcome<Party> lookupParty(PartyId id) {
        Optional<String> type = Optional.ofNullable(settings.identifierTypes().get(id.idType()));
        if (type.isEmpty()) {
            return Outcome.failed(FailureKind.NOT_FOUND, "mobile money looks parties up by " + settings.identifierTypes().keySet() + ", not "
                    + id.idType());
        }
        Map<String, String> names = Map.of("type", type.get(), "id", id.idValue());
        return then(provider.get(MobileMoneyClient.path("/accounts/{type}/{id}/status", names), Operation.LOOKUP), status -> {
            String accountStatus = status.path("accountStatus").asText("").toLowerCase(Locale.ROOT);
            if ("unregistered".equals(accountStatus)) {
                return Outcome.failed(FailureKind.NOT_FOUND, "mobile money: " + type.get() + " " + id.idValue() + " is unregistered");
            }
            if ("unavailable".equals(accountStatus)) {
                return Outcome.failed(FailureKind.BLOCKED, "mobile money: the account of " + type.get() + " " + id.idValue()
                        + " is unavailable");
            }
            return then(provider.get(MobileMoneyClient.path("/accounts/{type}/{id}/accountname", names), Operation.LOOKUP),
                    named -> party(id, named.path("name")));
        });
    }

    @Override
    public Outcome<Balance> balance(String accountNo, String currency) {
        if (!settings.balance()) {
            return Outcome.failed(FailureKind.REJECTED, "balance is not offered by this provider (cbs.settings.balance)");
        }
        String type = settings.isOperatorWallet(accountNo) ? settings.walletKey() : settings.identifierTypes().getOrDefault("MSISDN", "msisdn");
        return then(provider.get(MobileMoneyClient.path("/accounts/{type}/{id}/balance", Map.of("type", type, "id", accountNo)),
                Operation.QUOTE), balance -> available(accountNo, currency, balance));
    }

    private static Outcome<Balance> available(String accountNo, String currency, JsonNode balance) {
        String held = balance.path("currency").asText(currency);
        if (!currency.equals(held)) {
            return Outcome.failed(FailureKind.UNSUPPORTED_CURRENCY, "mobile money account " + accountNo + " holds " + held + ", not "
                    + currency);
        }
        try {
            return Outcome.done(new Balance(accountNo, new Money(new BigDecimal(balance.path("availableBalance").asText("").strip()),
                    currency)));
        } catch (NumberFormatException e) {
            return Outcome.failed(FailureKind.REJECTED, "mobile money answered an availableBalance that is not a number");
        }
    }

    /** A wallet cannot hold funds: done without a call; the credit happens at commit. */
    @Override
    public Outcome<Receipt> reserveCredit(CreditRequest request) {
        return Outcome.done(NO_HOLD);
    }

    /** {@code POST /transactions/type/disbursement} from the operator's disbursement wallet to the payee. */
    @Override
    public Outcome<Receipt> commitCredit(CreditRequest request) {
        var body = transaction(request, "disbursement", settings.walletKey(), settings.disbursement(request.amount().currency()),
                identifierType(request.payee().id()), request.payee().id().idValue(), "From " + Narratives.name(request.context().payer()));
        return send(request, Leg.COMMIT, "/transactions/type/disbursement", body);
    }

    /** Nothing was reserved: done without a call. */
    @Override
    public Outcome<Receipt> releaseCredit(CreditRequest request) {
        return Outcome.done(NO_HOLD);
    }

    /** {@code POST /transactions/type/merchantpay} (PAYMENT) or {@code transfer} from the payer to the collection wallet. */
    @Override
    public Outcome<Receipt> debit(DebitRequest request) {
        String type = settings.debitType(request.context().type());
        var body = transaction(request, type, identifierType(request.payer()), request.payer().idValue(), settings.walletKey(),
                settings.collection(request.amount().currency()), "To " + Narratives.name(request.context().payee()));
        return send(request, Leg.DEBIT, "/transactions/type/" + type, body);
    }

    /**
     * {@code POST /transactions/{reference}/reversals} of the debit's transaction. A reference the provider does not know
     * as a transaction (the debit's {@code serverCorrelationId}, when it was settled without naming its transaction) is
     * resolved through its request state first.
     */
    @Override
    public Outcome<Receipt> refund(DebitRequest request) {
        if (request.reference().isEmpty() || request.reference().get().isBlank()) {
            return Outcome.failed(FailureKind.REJECTED, "mobile money: a refund needs the debit's transaction reference");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "reversal");
        body.put("amount", request.amount().plain());
        body.put("currency", request.amount().currency());
        body.put("requestingOrganisationTransactionReference", request.transferId());
        String reference = request.reference().get();
        Outcome<Receipt> reversed = send(request, Leg.REFUND, reversals(reference), body);
        if (reversed instanceof Outcome.Failed<Receipt> failed && failed.kind() == FailureKind.NOT_FOUND
                && requests.byReference(reference) instanceof Outcome.Done<TransactionStatus> debit
                && debit.value().state() == TransactionStatus.State.COMPLETED
                && debit.value().cbsReference().filter(r -> !r.equals(reference)).isPresent()) {
            return send(request, Leg.REFUND, reversals(debit.value().cbsReference().get()), body);
        }
        return reversed;
    }

    private static String reversals(String transactionReference) {
        return MobileMoneyClient.path("/transactions/{ref}/reversals", Map.of("ref", transactionReference));
    }

    /**
     * With a reference: its request state (and transaction). Without: the transfer's refund, commit and debit requests
     * as the provider's {@code /responses} know them (a refunded transfer is FAILED), else NOT_FOUND.
     */
    @Override
    public Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference) {
        if (cbsReference.isPresent()) {
            return notFoundAsStatus(requests.byReference(cbsReference.get()));
        }
        for (Leg leg : List.of(Leg.REFUND, Leg.COMMIT, Leg.DEBIT)) {
            Outcome<Optional<TransactionStatus>> earlier = requests.earlier(Requests.correlationId(LegKey.first(transferId, leg)));
            if (earlier instanceof Outcome.Failed<Optional<TransactionStatus>> failed) {
                return Outcome.failed(failed.kind(), failed.message());
            }
            if (earlier instanceof Outcome.Done<Optional<TransactionStatus>> done && done.value().isPresent()) {
                TransactionStatus found = done.value().get();
                return Outcome.done(leg == Leg.REFUND && found.state() == TransactionStatus.State.COMPLETED
                        ? new TransactionStatus(TransactionStatus.State.FAILED, found.cbsReference()) : found);
            }
        }
        return Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
    }

    /**
     * One leg: its pending or booked reference when given ({@code /requeststates}, else {@code /transactions}), else the
     * request sent under the leg's correlation id ({@code /responses}; 404: NOT_FOUND, never received).
     */
    @Override
    public Outcome<TransactionStatus> status(LegKey key, Optional<String> cbsReference) {
        if (cbsReference.isPresent() && !cbsReference.get().equals(NO_HOLD.cbsReference())) {
            Outcome<TransactionStatus> known = requests.byReference(cbsReference.get());
            if (!(known instanceof Outcome.Failed<TransactionStatus> failed && failed.kind() == FailureKind.NOT_FOUND)) {
                return known;
            }
        }
        if (key.leg() == Leg.RESERVE || key.leg() == Leg.RELEASE) {
            return Outcome.done(new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of(NO_HOLD.cbsReference())));
        }
        return switch (requests.earlier(Requests.correlationId(key))) {
            case Outcome.Done<Optional<TransactionStatus>> done -> Outcome.done(done.value()
                    .orElse(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty())));
            case Outcome.Failed<Optional<TransactionStatus>> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<Optional<TransactionStatus>> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    /**
     * Reads the provider's callback to {@code <callbackUrl>/transactions/<leg key>}: the transaction object, the request
     * state, or an error object. Names the leg by the key in the path (else the body's {@code serverCorrelationId}).
     * Side-effect free.
     */
    @Override
    public Optional<CallbackMatch> match(Callback callback) {
        Optional<String> legKey = callback.subPath().startsWith(CALLBACK_PATH)
                ? Optional.of(URLDecoder.decode(callback.subPath().substring(CALLBACK_PATH.length()), StandardCharsets.UTF_8))
                        .map(k -> k.replaceAll("/+$", "")).filter(k -> !k.isBlank() && !k.contains("/"))
                : Optional.empty();
        JsonNode body;
        try {
            body = callback.body().isBlank() ? JSON.missingNode() : JSON.readTree(callback.body());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        Optional<String> serverCorrelationId = Optional.of(body.path("serverCorrelationId").asText("")).filter(s -> !s.isBlank());
        Optional<String> reference = legKey.or(() -> serverCorrelationId);
        Optional<TransactionStatus> status = callbackStatus(body);
        if (reference.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CallbackMatch(reference.get(), status.get()));
    }

    /** {@code GET /heartbeat}: {@code available} UP, {@code degraded} DEGRADED, {@code unavailable} (or no answer) DOWN. */
    @Override
    public HealthStatus health() {
        Outcome<JsonNode> beat = provider.get("/heartbeat", Operation.HEALTH);
        if (beat instanceof Outcome.Failed<JsonNode> failed) {
            return HealthStatus.down(failed.message());
        }
        String status = ((Outcome.Done<JsonNode>) beat).value().path("serviceStatus").asText("").toLowerCase(Locale.ROOT);
        return switch (status) {
            case "available" -> HealthStatus.up("mobile money heartbeat: available");
            case "degraded" -> HealthStatus.degraded("mobile money heartbeat: degraded");
            default -> HealthStatus.down("mobile money heartbeat: " + (status.isBlank() ? "no serviceStatus" : status));
        };
    }

    @Override
    public void close() {
        provider.close();
    }

    private Outcome<Receipt> send(MoneyCall call, Leg leg, String path, Map<String, Object> body) {
        LegKey key = call.leg().orElse(LegKey.first(call.transferId(), leg));
        Optional<String> callback = callbackUrl.map(url -> url + CALLBACK_PATH + URLEncoder.encode(key.value(), StandardCharsets.UTF_8));
        return requests.send(key, path, body, callback);
    }

    /** The GSMA transaction request body: amount as a string, one identifier per party, the Mojaloop transfer id as reference. */
    private static Map<String, Object> transaction(MoneyCall call, String type, String debitKey, String debitValue, String creditKey,
                                                   String creditValue, String description) {
        Money amount = call instanceof CreditRequest credit ? credit.amount() : ((DebitRequest) call).amount();
        var body = new LinkedHashMap<String, Object>();
        body.put("amount", amount.plain());
        body.put("currency", amount.currency());
        body.put("type", type);
        body.put("debitParty", List.of(Map.of("key", debitKey, "value", debitValue)));
        body.put("creditParty", List.of(Map.of("key", creditKey, "value", creditValue)));
        body.put("requestingOrganisationTransactionReference", call.transferId());
        String text = description + " (Mojaloop " + call.transferId() + ")";
        body.put("descriptionText", text.length() > DESCRIPTION_LENGTH ? text.substring(0, DESCRIPTION_LENGTH) : text);
        return body;
    }

    private String identifierType(PartyId id) {
        return settings.identifierTypes().getOrDefault(id.idType(), "msisdn");
    }

    /** The party from a GSMA {@code name} object: its parts, or only {@code fullName} (split at its last space). */
    private Outcome<Party> party(PartyId id, JsonNode name) {
        String full = name.path("fullName").asText("").strip();
        String first = name.path("firstName").asText("").strip();
        String last = name.path("lastName").asText("").strip();
        Optional<String> middle = Optional.of(name.path("middleName").asText("").strip()).filter(m -> !m.isEmpty());
        if (first.isEmpty() && last.isEmpty()) {
            if (full.isEmpty()) {
                return Outcome.failed(FailureKind.NOT_FOUND, "mobile money answered no name for " + id.idType() + " " + id.idValue());
            }
            int space = full.lastIndexOf(' ');
            first = space > 0 ? full.substring(0, space).strip() : full;
            last = space > 0 ? full.substring(space + 1).strip() : "";
        }
        String display = !full.isEmpty() ? full : String.join(" ", first, middle.orElse(""), last).replaceAll("\\s+", " ").strip();
        return Outcome.done(new Party(id, id.idValue(), first, middle, last, display, Optional.empty(), currencies, AccountStatus.ACTIVE,
                Optional.empty()));
    }

    /** What a callback body says: an error is FAILED; a request state or transaction its state. */
    private static Optional<TransactionStatus> callbackStatus(JsonNode body) {
        if (!body.path("errorCode").asText("").isBlank()) {
            return Optional.of(new TransactionStatus(TransactionStatus.State.FAILED, Optional.empty()));
        }
        if (body.hasNonNull("transactionReference") || body.hasNonNull("transactionStatus")) {
            return Optional.of(Requests.transaction(body));
        }
        if (body.hasNonNull("status")) {
            String status = body.path("status").asText("").toLowerCase(Locale.ROOT);
            String reference = body.path("objectReference").asText(body.path("serverCorrelationId").asText(""));
            Optional<String> ref = Optional.of(reference).filter(r -> !r.isBlank());
            TransactionStatus.State state = switch (status) {
                case "completed" -> TransactionStatus.State.COMPLETED;
                case "failed" -> TransactionStatus.State.FAILED;
                default -> TransactionStatus.State.PENDING;
            };
            return Optional.of(new TransactionStatus(state, ref));
        }
        return Optional.empty();
    }

    private static Outcome<TransactionStatus> notFoundAsStatus(Outcome<TransactionStatus> outcome) {
        return outcome instanceof Outcome.Failed<TransactionStatus> failed && failed.kind() == FailureKind.NOT_FOUND
                ? Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty())) : outcome;
    }

    /** Continues with the value of a done outcome; a failure (or pending) passes through unchanged. */
    private static <A, B> Outcome<B> then(Outcome<A> outcome, Function<A, Outcome<B>> next) {
        return switch (outcome) {
            case Outcome.Done<A> done -> next.apply(done.value());
            case Outcome.Failed<A> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<A> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }
}
