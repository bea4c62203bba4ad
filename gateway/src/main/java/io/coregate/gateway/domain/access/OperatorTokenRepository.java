package io.coregate.gateway.domain.access;

import io.coregate.gateway.domain.tenant.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores operator tokens (hashes only); each write appends its audit entry in the same transaction. Thread-safe. */
public interface OperatorTokenRepository {

    /** Stores a newly issued token. */
    StoredOperatorToken insert(String tokenId, Operator operator, String hash, Optional<Instant> expiresAt, String createdBy, AuditEntry audit);

    /** Revokes an active token; empty when it is unknown or already revoked (then nothing is recorded). */
    Optional<Instant> revoke(String tokenId, AuditEntry audit);

    /** A token by its id, revoked or not. */
    Optional<StoredOperatorToken> find(String tokenId);

    /** Every token, newest first. */
    List<StoredOperatorToken> list();
}
