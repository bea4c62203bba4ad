-- The liquidity ledger (DESIGN.md "Liquidity"): each tenant's shadow position per currency, two-phase
-- reservations, and an append-only journal of every operation. available = liquidity_limit - position - reserved.
-- Every table is keyed by tenant_id first; SQL stays within PostgreSQL 14.

CREATE TABLE liquidity_positions (
    tenant_id        text        NOT NULL,
    currency         text        NOT NULL,
    liquidity_limit  numeric     NOT NULL DEFAULT 0,   -- prefunded liquidity or the DFSP's own exposure cap
    position         numeric     NOT NULL DEFAULT 0,   -- posted net debit (inbound transfers lower it)
    reserved         numeric     NOT NULL DEFAULT 0,   -- sum of PENDING reservations
    alarm_percent    integer     NOT NULL DEFAULT 10,
    max_per_transfer numeric,                          -- optional: a larger reservation is refused with 4200
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, currency),
    CONSTRAINT liquidity_reserved_not_negative CHECK (reserved >= 0),
    CONSTRAINT liquidity_alarm_percent_range CHECK (alarm_percent BETWEEN 0 AND 100),
    CONSTRAINT liquidity_max_positive CHECK (max_per_transfer IS NULL OR max_per_transfer > 0)
);

-- One row per payer-side transfer. The payer flow sets `uncertain` while the outcome is unknown:
-- the expiry sweeper never touches such a reservation; the flow posts or voids it once it knows.
-- NEW is a request not yet funded: a reservation is inserted NEW, then one statement locks it, takes the
-- amount from the balance row when it fits and makes it PENDING (locks always reservation first, then balance,
-- as posting and voiding do); a refused request is deleted at once.
CREATE TABLE liquidity_reservations (
    tenant_id    text        NOT NULL,
    transfer_ref text        NOT NULL,
    currency     text        NOT NULL,
    amount       numeric     NOT NULL,
    state        text        NOT NULL DEFAULT 'PENDING',
    uncertain    boolean     NOT NULL DEFAULT false,
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, transfer_ref),
    CONSTRAINT liquidity_reservation_amount_positive CHECK (amount > 0),
    CONSTRAINT liquidity_reservation_state CHECK (state IN ('NEW', 'PENDING', 'POSTED', 'VOIDED'))
);

-- What the sweeper scans: pending, certain reservations by expiry.
CREATE INDEX liquidity_reservations_expiry ON liquidity_reservations (expires_at)
    WHERE state = 'PENDING' AND NOT uncertain;

-- Append-only: every operation with the figures before and after it. Summing (after - before) per
-- tenant and currency gives the balances back (GET /admin/ledger/check).
CREATE TABLE liquidity_journal (
    tenant_id       text        NOT NULL,
    id              bigserial   NOT NULL,
    currency        text        NOT NULL,
    at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    operation       text        NOT NULL,   -- RESERVE POST VOID EXPIRE INBOUND FUNDS_IN FUNDS_OUT SETTLEMENT SET_LIMIT
    reference       text        NOT NULL,   -- transfer reference, adjustment reference or settings source
    amount          numeric     NOT NULL,
    limit_before    numeric     NOT NULL,
    limit_after     numeric     NOT NULL,
    position_before numeric     NOT NULL,
    position_after  numeric     NOT NULL,
    reserved_before numeric     NOT NULL,
    reserved_after  numeric     NOT NULL,
    actor           text        NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE INDEX liquidity_journal_by_currency ON liquidity_journal (tenant_id, currency, id);

-- Adjustments are idempotent on (tenant, currency, reference); inbound movements on their transfer reference.
CREATE UNIQUE INDEX liquidity_journal_adjustment_ref ON liquidity_journal (tenant_id, currency, reference)
    WHERE operation IN ('FUNDS_IN', 'FUNDS_OUT', 'SETTLEMENT');
CREATE UNIQUE INDEX liquidity_journal_inbound_ref ON liquidity_journal (tenant_id, currency, reference)
    WHERE operation = 'INBOUND';

CREATE TRIGGER liquidity_journal_append_only BEFORE UPDATE OR DELETE ON liquidity_journal
    FOR EACH ROW EXECUTE FUNCTION coregate_append_only();

-- Tenants onboarded before the ledger existed get the limits their documents name (journaled, so the check agrees).
INSERT INTO liquidity_positions (tenant_id, currency, liquidity_limit, alarm_percent)
SELECT t.tenant_id, l.key, (l.value ->> 'limit')::numeric, coalesce((l.value ->> 'alarmPercent')::integer, 10)
  FROM tenants t, jsonb_each(CASE WHEN jsonb_typeof(t.document -> 'liquidity') = 'object' THEN t.document -> 'liquidity' END) l
 WHERE l.value ->> 'limit' IS NOT NULL;

INSERT INTO liquidity_journal (tenant_id, currency, operation, reference, amount, limit_before, limit_after,
    position_before, position_after, reserved_before, reserved_after, actor)
SELECT tenant_id, currency, 'SET_LIMIT', 'migration', liquidity_limit, 0, liquidity_limit, 0, 0, 0, 0, 'migration'
  FROM liquidity_positions;
