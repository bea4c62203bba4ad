package io.coregate.gateway.domain.access;

import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Validated;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /admin/tenants/{tenant}/api-keys}: the key to issue (an empty body issues a key with both scopes that
 * never expires).
 *
 * @param scopes    {@code SEND} and/or {@code READ}; both when absent
 * @param expiresAt optional ISO instant after which the key stops working
 */
public record ApiKeyRequest(List<String> scopes, String expiresAt) implements Validated {

    /** Both scopes, no expiry. */
    public static final ApiKeyRequest DEFAULT = new ApiKeyRequest(null, null);

    @Override
    public void check(Check check) {
        if (scopes != null) {
            if (scopes.isEmpty() || scopes.size() > 2) {
                check.invalid("scopes", "must list SEND, READ or both");
            }
            for (int i = 0; i < scopes.size() && i < 2; i++) {
                check.oneOf("scopes/" + i, scopes.get(i) == null ? null : scopes.get(i).toUpperCase(Locale.ROOT), Set.of("SEND", "READ"));
            }
        }
        if (expiresAt != null) {
            try {
                Instant.parse(expiresAt);
            } catch (DateTimeParseException e) {
                check.invalid("expiresAt", "must be an ISO instant such as 2027-01-31T00:00:00Z");
            }
        }
    }

    /** The scopes, once valid. */
    public Set<ApiKeyScope> parsedScopes() {
        if (scopes == null) {
            return EnumSet.allOf(ApiKeyScope.class);
        }
        var parsed = EnumSet.noneOf(ApiKeyScope.class);
        scopes.forEach(s -> parsed.add(ApiKeyScope.valueOf(s.toUpperCase(Locale.ROOT))));
        return parsed;
    }

    /** The expiry, once valid. */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt).map(Instant::parse);
    }
}
