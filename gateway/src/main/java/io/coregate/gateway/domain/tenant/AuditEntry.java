package io.coregate.gateway.domain.tenant;

/**
 * One admin write, recorded append-only in the same transaction as the change itself. Details never hold secrets:
 * callers pass redacted documents.
 *
 * @param tenantId the tenant concerned, or {@code "*"} for gateway-wide actions
 * @param actor    who did it
 * @param action   what was done ({@code tenant.put}, {@code plugin.upload}, ...)
 * @param detail   what changed, redacted: a map or a record, stored as JSON
 */
public record AuditEntry(String tenantId, String actor, String action, Object detail) {

    /** The tenant id used for gateway-wide actions. */
    public static final String GLOBAL = "*";
}
