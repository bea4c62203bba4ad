package io.coregate.plugins.fineract;

import static io.coregate.plugins.fineract.Outcomes.then;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fineract's clients and savings accounts as CoreGate parties. An MSISDN is found with
 * {@code GET /search?query=<msisdn>&resource=clients&exactMatch=true}: exactly one client whose {@code mobileNo} is the
 * MSISDN itself (several hits, or a hit on another field, are not found), then its savings account of the tenant's
 * product in the currency, from {@code GET /clients/{id}/accounts}. An ACCOUNT_ID is a savings account id. Every account
 * is read with {@code GET /savingsaccounts/{id}} for its status, sub-status and currency rules. Thread-safe: the only
 * state is the cache of each account's client office (which transfers need and which does not change).
 */
final class FineractCustomers {

    /** The id types this CBS can look up. */
    static final Set<String> ID_TYPES = Set.of("MSISDN", "ACCOUNT_ID");

    private final FineractSettings settings;
    private final FineractClient fineract;
    private final Map<Long, Long> officeOfClient = new ConcurrentHashMap<>();

    FineractCustomers(FineractSettings settings, FineractClient fineract) {
        this.settings = settings;
        this.fineract = fineract;
    }

    /** The party behind an id, with its savings account in one of {@code currencies}. */
    Outcome<Party> party(PartyId id, Set<String> currencies) {
        return then(savingsAccountOf(id, currencies), accountId -> then(account(accountId), account ->
                then(client(account.clientId()), client -> Outcome.done(party(id, account, client)))));
    }

    /** The savings account of a Fineract savings account id. */
    Outcome<FineractAccount> account(long accountId) {
        return then(fineract.get("savingsaccounts/" + accountId, Map.of()), body -> {
            long clientId = body.path("clientId").asLong(0);
            if (clientId == 0) {
                return Outcome.failed(FailureKind.REJECTED, "Fineract savings account " + accountId
                        + " belongs to no client (a group account cannot be transferred from with a client id)");
            }
            Long office = officeOfClient.get(clientId);
            if (office != null) {
                return Outcome.done(FineractAccount.of(body, office));
            }
            return then(client(clientId), client -> Outcome.done(FineractAccount.of(body, client.path("officeId").asLong())));
        });
    }

    private Outcome<Long> savingsAccountOf(PartyId id, Set<String> currencies) {
        return switch (id.idType()) {
            case "ACCOUNT_ID" -> id.idValue().matches("[1-9][0-9]{0,17}")
                    ? Outcome.done(Long.parseLong(id.idValue()))
                    : Outcome.failed(FailureKind.NOT_FOUND, "no Fineract savings account " + id.idValue());
            case "MSISDN" -> then(clientByMobile(id.idValue()), clientId -> savingsAccountOfClient(clientId, currencies));
            default -> Outcome.failed(FailureKind.NOT_FOUND, "Fineract finds parties by " + ID_TYPES + ", not " + id.idType());
        };
    }

    private Outcome<Long> clientByMobile(String msisdn) {
        var query = Map.of("query", msisdn, "resource", "clients", "exactMatch", "true");
        return then(fineract.get("search", query), hits -> {
            var clients = new ArrayList<Long>();
            hits.forEach(hit -> {
                if ("CLIENT".equalsIgnoreCase(hit.path("entityType").asText())) {
                    clients.add(hit.path("entityId").asLong());
                }
            });
            if (clients.size() != 1) {
                return Outcome.failed(FailureKind.NOT_FOUND, clients.isEmpty() ? "no Fineract client has mobile number " + msisdn
                        : clients.size() + " Fineract clients match " + msisdn + ": not one party");
            }
            return then(client(clients.getFirst()), client -> msisdn.equals(client.path("mobileNo").asText())
                    ? Outcome.done(clients.getFirst())
                    : Outcome.failed(FailureKind.NOT_FOUND, "no Fineract client has exactly the mobile number " + msisdn));
        });
    }

    private Outcome<Long> savingsAccountOfClient(long clientId, Set<String> currencies) {
        return then(fineract.get("clients/" + clientId + "/accounts", Map.of()), accounts -> {
            List<JsonNode> candidates = new ArrayList<>();
            accounts.path("savingsAccounts").forEach(account -> {
                if (account.path("productId").asLong() == settings.savingsProductId()
                        && currencies.contains(account.path("currency").path("code").asText())
                        && !account.path("status").path("closed").asBoolean(false)) {
                    candidates.add(account);
                }
            });
            Optional<JsonNode> chosen = candidates.stream()
                    .min(Comparator.comparing((JsonNode a) -> !a.path("status").path("active").asBoolean(false))
                            .thenComparing(a -> a.path("id").asLong()));
            return chosen.<Outcome<Long>>map(a -> Outcome.done(a.path("id").asLong()))
                    .orElseGet(() -> Outcome.failed(FailureKind.NOT_FOUND, "Fineract client " + clientId + " has no open savings account of product "
                            + settings.savingsProductId() + " in " + currencies));
        });
    }

    private Outcome<JsonNode> client(long clientId) {
        return then(fineract.get("clients/" + clientId, Map.of()), client -> {
            officeOfClient.put(clientId, client.path("officeId").asLong());
            return Outcome.done(client);
        });
    }

    private static Party party(PartyId id, FineractAccount account, JsonNode client) {
        String first = client.path("firstname").asText("");
        String middle = client.path("middlename").asText("");
        String last = client.path("lastname").asText("");
        String display = client.path("displayName").asText((first + " " + last).strip());
        return new Party(id, Long.toString(account.id()), first, middle.isEmpty() ? Optional.empty() : Optional.of(middle), last,
                display.isEmpty() ? (first + " " + last).strip() : display, Optional.empty(), Set.of(account.currency()),
                account.status(), Optional.empty());
    }
}
