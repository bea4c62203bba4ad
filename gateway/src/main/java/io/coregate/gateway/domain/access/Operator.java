package io.coregate.gateway.domain.access;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is acting on the admin API, and what they may do: the bootstrap admin token acts as {@code admin} with the
 * {@link Role#ADMINISTRATOR} role; a named operator token acts under its own name (what the audit log records).
 *
 * @param name    the identity recorded in the audit log
 * @param role    what it may do
 * @param tenants for {@link Role#OPERATOR}, the tenants it may act on
 */
public record Operator(String name, Role role, Set<String> tenants) {

    /** The bootstrap admin token's identity. */
    public static final Operator BOOTSTRAP = new Operator("admin", Role.ADMINISTRATOR, Set.of());

    private static final Pattern TENANT_PATH = Pattern.compile("^/admin/tenants/([^/]+)(/.*)?$");

    public Operator {
        tenants = Set.copyOf(tenants);
    }

    /**
     * Why this operator may not make the request, if it may not.
     *
     * @param method the HTTP method
     * @param path   the decoded request path
     * @return the reason for a refusal (a 403), empty when allowed
     */
    public Optional<String> refusal(String method, String path) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return switch (role) {
            case ADMINISTRATOR -> Optional.empty();
            case AUDITOR -> read ? Optional.empty() : Optional.of("auditor '" + name + "' may only read");
            case OPERATOR -> operatorRefusal(method, path);
        };
    }

    private Optional<String> operatorRefusal(String method, String path) {
        var matcher = TENANT_PATH.matcher(path);
        if (!matcher.matches() || !tenants.contains(matcher.group(1))) {
            return Optional.of("operator '" + name + "' may act on the routes of tenants " + tenants.stream().sorted().toList() + " only");
        }
        if (matcher.group(2) == null && !"GET".equals(method) && !"HEAD".equals(method)) {
            return Optional.of("operator '" + name + "' may not replace or disable a tenant; an administrator does");
        }
        return Optional.empty();
    }
}
