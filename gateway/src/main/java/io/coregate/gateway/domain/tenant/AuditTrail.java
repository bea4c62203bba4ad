package io.coregate.gateway.domain.tenant;

import java.time.Instant;
import java.util.List;

/** Reads the append-only audit log. Thread-safe. */
public interface AuditTrail {

    /**
     * One recorded admin write.
     *
     * @param at     when
     * @param actor  who
     * @param action what kind of write
     * @param detail what changed, redacted: the JSON object stored with the entry, as text (opaque to the domain; the
     *               admin API writes it out as the object it is)
     */
    record Record(Instant at, String actor, String action, String detail) {
    }

    /** The newest entries of a tenant ({@code "*"} for gateway-wide ones), newest first. */
    List<Record> recent(String tenantId, int limit);

    /** Appends an entry for an action that changes nothing else in the database. */
    void append(AuditEntry entry);
}
