package io.coregate.gateway.domain.plugin;

import java.util.List;

/** The plugin host as operators see it: what is loaded, and uploading a jar. Thread-safe. */
public interface PluginInventory {

    /**
     * The answer to an upload.
     *
     * @param plugin  the jar's listing entry ({@code STARTED}, or {@code FAILED}/{@code REJECTED} with a reason)
     * @param created true when this upload added it, false when it was loaded already
     */
    record Upload(PluginView plugin, boolean created) {
    }

    /** Every plugin jar seen, with the tenants each serves. */
    List<PluginView> list();

    /**
     * Loads an uploaded jar as if it had been dropped in, stores it for the other replicas when it started, and
     * audits the upload.
     *
     * @param jar   the jar's bytes
     * @param actor who uploads
     */
    Upload upload(byte[] jar, String actor);

    /**
     * The answer to an approval.
     *
     * @param approval the approval as stored
     * @param created  true when this request added it
     * @param started  the jars rejected before that started because of it
     */
    record Approved(PluginApprovals.Approval approval, boolean created, List<PluginView> started) {
    }

    /**
     * Deletes an uploaded or dropped plugin version on every replica, audited: its jar goes, the version retires and
     * unloads once its calls drained. Refused for a bundled version and while a tenant uses it.
     *
     * @return the version's entries as they are now (retiring)
     * @throws io.coregate.gateway.domain.error.GatewayException 3200 when no such version is loaded, 3100 when bundled or in use
     */
    List<PluginView> delete(String id, String version, String actor);

    /** The approved checksums, oldest first. */
    List<PluginApprovals.Approval> approvals();

    /**
     * Approves a checksum for every replica, audited, and starts the jars waiting for it here (the other replicas
     * within {@code plugins.sync-seconds}).
     */
    Approved approve(ApprovalRequest request, String actor);

    /**
     * Withdraws an approval, audited; a plugin already running keeps running until its jar goes or the gateway restarts.
     *
     * @return false when the checksum was not approved
     */
    boolean revoke(String sha256, String actor);
}
