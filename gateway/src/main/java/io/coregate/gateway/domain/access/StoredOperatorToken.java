package io.coregate.gateway.domain.access;

import java.time.Instant;
import java.util.Optional;

/**
 * An operator token as stored: never the token itself, only the hash of its secret part.
 *
 * @param tokenId   the token's public id (also its prefix)
 * @param operator  the identity and role it acts with
 * @param hash      lower-case hex SHA-256 of the token's secret part
 * @param createdBy who issued it
 * @param createdAt when
 * @param expiresAt when it stops working, if ever
 * @param revokedAt when it was revoked; a revoked token never works again
 */
public record StoredOperatorToken(String tokenId, Operator operator, String hash, String createdBy, Instant createdAt,
                                  Optional<Instant> expiresAt, Optional<Instant> revokedAt) {

    /** True when neither revoked nor expired at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "StoredOperatorToken[" + tokenId + ", " + operator.name() + ", " + operator.role() + "]";
    }
}
