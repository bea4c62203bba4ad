package io.coregate.gateway.domain.access;

import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Validated;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code POST /admin/operators}: a named token to issue.
 *
 * @param name      the identity the audit log records for it (letters, digits, {@code _ @ . + -} and spaces, 1–64)
 * @param role      {@code ADMINISTRATOR}, {@code OPERATOR} or {@code AUDITOR}
 * @param tenants   for an OPERATOR, the tenants it may act on (at least one); none for the other roles
 * @param expiresAt optional ISO instant after which the token stops working
 */
public record OperatorTokenRequest(String name, String role, List<String> tenants, String expiresAt) implements Validated {

    private static final Pattern NAME = Pattern.compile("[\\w@.+ -]{1,64}");

    @Override
    public void check(Check check) {
        if (check.present("name", name) && !NAME.matcher(name).matches()) {
            check.invalid("name", "must be 1 to 64 letters, digits, spaces or _ @ . + -");
        }
        check.oneOf("role", role == null ? null : role.toUpperCase(Locale.ROOT),
            Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet()));
        boolean operator = Role.OPERATOR.name().equalsIgnoreCase(role);
        if (operator && (tenants == null || tenants.isEmpty())) {
            check.invalid("tenants", "an OPERATOR token must list the tenants it may act on");
        } else if (!operator && tenants != null && !tenants.isEmpty()) {
            check.invalid("tenants", "only an OPERATOR token is limited to tenants");
        }
        if (tenants != null && tenants.size() > 1000) {
            check.invalid("tenants", "at most 1000 tenants");
        }
        if (expiresAt != null) {
            try {
                Instant.parse(expiresAt);
            } catch (DateTimeParseException e) {
                check.invalid("expiresAt", "must be an ISO instant such as 2027-01-31T00:00:00Z");
            }
        }
    }

    /** The role, once valid. */
    public Role parsedRole() {
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }

    /** The expiry, once valid. */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt).map(Instant::parse);
    }
}
