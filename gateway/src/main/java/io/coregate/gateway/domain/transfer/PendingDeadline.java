package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.tenant.Tenant;

import java.time.Duration;
import java.time.Instant;

/**
 * How long, and how often, the settling jobs ask the CBS about an open money leg: until the tenant's
 * {@code cbs.pendingDeadlineSeconds} from the leg's first write, or, without one, until the quote's expiry plus
 * {@link TransferPolicy#reservedGrace()}; asking again after a quarter of the leg's age, at least every
 * {@link TransferPolicy#retryInterval()} and at most {@link TransferPolicy#retryMax()} apart (a backoff that needs no
 * counter). Stateless.
 */
public final class PendingDeadline {

    private PendingDeadline() {
    }

    /** When an operator must take over the leg. */
    public static Instant of(Tenant tenant, Transfer transfer, LegRecord leg, TransferPolicy policy) {
        return tenant.document().cbs().pendingDeadline().map(leg.createdAt()::plus)
            .orElseGet(() -> transfer.expiresAt().orElse(transfer.createdAt()).plus(policy.reservedGrace()));
    }

    /** When to ask about the leg next, from {@code now}. */
    public static Instant nextCheck(LegRecord leg, TransferPolicy policy, Instant now) {
        Duration quarter = Duration.between(leg.createdAt(), now).dividedBy(4);
        Duration wait = quarter.compareTo(policy.retryInterval()) < 0 ? policy.retryInterval()
            : quarter.compareTo(policy.retryMax()) > 0 ? policy.retryMax() : quarter;
        return now.plus(wait);
    }
}
