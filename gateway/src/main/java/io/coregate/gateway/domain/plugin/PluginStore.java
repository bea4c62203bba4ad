package io.coregate.gateway.domain.plugin;

import io.coregate.gateway.domain.tenant.AuditEntry;

import java.util.List;
import java.util.Optional;

/**
 * Uploaded plugin jars kept in the database, content-addressed by SHA-256, so every replica can pull them into its
 * local plugins folder. Implementations are thread-safe.
 */
public interface PluginStore {

    /**
     * A stored jar without its bytes.
     *
     * @param sha256   its checksum (the key)
     * @param pluginId its {@code Plugin-Id}
     * @param version  its {@code Plugin-Version}
     * @param size     its length in bytes
     */
    record StoredJar(String sha256, String pluginId, String version, long size) {
    }

    /**
     * Stores a jar unless one with the same checksum is stored, with its audit entry in the same transaction.
     *
     * @return true when it was not stored before
     */
    boolean save(StoredJar jar, byte[] content, AuditEntry audit);

    /** Every stored jar, oldest first. */
    List<StoredJar> list();

    /** A stored jar's bytes. */
    Optional<byte[]> content(String sha256);

    /**
     * Deletes a stored jar, with its audit entry in the same transaction; every replica drops it at its next pull.
     *
     * @return true when it was stored
     */
    boolean delete(String sha256, AuditEntry audit);

    /** Records an admin action that stored nothing (a refused upload). */
    void audit(AuditEntry entry);
}
