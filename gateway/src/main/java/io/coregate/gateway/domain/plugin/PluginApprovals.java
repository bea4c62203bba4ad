package io.coregate.gateway.domain.plugin;

import io.coregate.gateway.domain.tenant.AuditEntry;

import java.time.Instant;
import java.util.List;

/**
 * The plugin jars operators approved by checksum, shared by every replica: with approval required, a dropped or
 * uploaded jar loads only when approved. Implementations are thread-safe.
 */
public interface PluginApprovals {

    /**
     * One approval.
     *
     * @param sha256     the jar's checksum, lower-case hex
     * @param note       why (which plugin, which release, which ticket)
     * @param approvedBy the operator who approved it
     * @param approvedAt when
     */
    record Approval(String sha256, String note, String approvedBy, Instant approvedAt) {
    }

    /**
     * Approves a checksum, with its audit entry in the same transaction.
     *
     * @return true when it was not approved before
     */
    boolean approve(String sha256, String note, AuditEntry audit);

    /**
     * Withdraws an approval, with its audit entry in the same transaction. A plugin already loaded keeps running
     * until its jar is removed or the gateway restarts.
     *
     * @return true when it was approved
     */
    boolean revoke(String sha256, AuditEntry audit);

    /** Every approval, oldest first. */
    List<Approval> list();
}
