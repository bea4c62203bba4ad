package io.coregate.gateway.domain.access;

/** What an operator token may do on the admin API. */
public enum Role {
    /** Every admin route, including issuing and revoking operator tokens. */
    ADMINISTRATOR,
    /** Every route under {@code /admin/tenants/{tenant}/...} of its listed tenants, except replacing or disabling the tenant itself. */
    OPERATOR,
    /** Reads only ({@code GET}), on every admin route. */
    AUDITOR
}
