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
}
