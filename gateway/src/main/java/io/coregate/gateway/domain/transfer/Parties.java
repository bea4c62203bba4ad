package io.coregate.gateway.domain.transfer;

import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parties as the transfer log keeps them: the backend API's {@code transferParty} fields plus the CBS account. */
final class Parties {

    /** The backend spec's party id types. */
    static final Set<String> ID_TYPES = Set.of("MSISDN", "ACCOUNT_NO", "EMAIL", "PERSONAL_ID", "BUSINESS", "DEVICE", "ACCOUNT_ID", "IBAN",
        "ALIAS");

    private Parties() {
    }

    /** A looked-up payee as stored, with its account. */
    static Map<String, Object> stored(Party party) {
        var map = new LinkedHashMap<String, Object>();
        map.put("idType", party.id().idType());
        map.put("idValue", party.id().idValue());
        party.id().idSubValue().ifPresent(v -> map.put("idSubValue", v));
        map.put("displayName", party.displayName());
        putIfNotEmpty(map, "firstName", party.firstName());
        party.middleName().ifPresent(v -> map.put("middleName", v));
        putIfNotEmpty(map, "lastName", party.lastName());
        map.put("accountNo", party.accountNo());
        return map;
    }

    /** The stored payee back as a party the adapter can credit. */
    static Party party(Map<String, Object> stored, String currency) {
        var id = new PartyId(text(stored, "idType"), text(stored, "idValue"), Optional.ofNullable((String) stored.get("idSubValue")));
        return new Party(id, text(stored, "accountNo"), text(stored, "firstName"), Optional.ofNullable((String) stored.get("middleName")),
            text(stored, "lastName"), text(stored, "displayName"), Optional.empty(), Set.of(currency), AccountStatus.ACTIVE, Optional.empty());
    }

    /** A stored party as the backend API shows it: without the account, with the owning FSP. */
    static Map<String, Object> view(Map<String, Object> stored, String fspId) {
        var map = new LinkedHashMap<String, Object>();
        for (String key : new String[] {"idType", "idValue", "idSubValue", "type", "displayName", "firstName", "middleName", "lastName"}) {
            if (stored.get(key) instanceof String value && !value.isEmpty()) {
                map.put(key, value);
            }
        }
        map.put("fspId", fspId);
        return map;
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static String text(Map<String, Object> map, String key) {
        return map.get(key) instanceof String value ? value : "";
    }
}
