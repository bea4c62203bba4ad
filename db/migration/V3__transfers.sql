-- The transfer log: quotes, transfers (both directions) and the append-only journal of every state change.
-- Keyed by tenant_id first (Citus-shardable); SQL stays within PostgreSQL 14.

CREATE TABLE quotes (
    tenant_id            text          NOT NULL,
    quote_id             text          NOT NULL,
    transaction_id       text          NOT NULL,
    request_hash         text          NOT NULL,  -- SHA-256 of the canonical request body
    request              jsonb         NOT NULL,
    answer               jsonb         NOT NULL,  -- the quoteResponse replayed to repeats
    amount_type          text          NOT NULL CHECK (amount_type IN ('SEND', 'RECEIVE')),
    currency             text          NOT NULL,
    transfer_amount      numeric(22,4) NOT NULL,
    payee_receive_amount numeric(22,4) NOT NULL,
    payee_fee            numeric(22,4) NOT NULL,
    payee                jsonb         NOT NULL,  -- the party as looked up, with its CBS account
    expires_at           timestamptz   NOT NULL,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, quote_id)
);

CREATE TABLE transfers (
    tenant_id            text          NOT NULL,
    direction            text          NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    transfer_id          text          NOT NULL,
    home_transaction_id  text,                    -- unique per tenant; outbound: the channel's id
    state                text          NOT NULL,
    target_state         text,                    -- RECONCILE: what the retry job drives it to, NULL when unknown
    quote_id             text,
    amount_type          text,
    transaction_type     text,
    currency             text          NOT NULL,
    amount               numeric(22,4) NOT NULL,  -- the transfer amount
    payee_receive_amount numeric(22,4),
    payee_fee            numeric(22,4),
    payee_id_type        text,
    payee_id_value       text,
    payer_id_type        text,
    payer_id_value       text,
    payer_fsp            text,
    payee                jsonb         NOT NULL DEFAULT '{}',
    payer                jsonb         NOT NULL DEFAULT '{}',
    request_hash         text          NOT NULL,
    answer               jsonb,                   -- the answer replayed to repeats
    cbs_reference        text,
    last_error           text,
    attempts             integer       NOT NULL DEFAULT 0,
    next_retry_at        timestamptz,
    lease_until          timestamptz,             -- a CBS call for this transfer is in flight until then
    expires_at           timestamptz,             -- the quote's expiry: RESERVED long after it is stale
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, direction, transfer_id)
);

CREATE UNIQUE INDEX transfers_home_transaction ON transfers (tenant_id, home_transaction_id);
CREATE INDEX transfers_by_time ON transfers (tenant_id, created_at DESC);
CREATE INDEX transfers_open ON transfers (state, next_retry_at) WHERE state IN ('RESERVED', 'RECONCILE');

CREATE TABLE transfer_events (
    tenant_id     text        NOT NULL,
    direction     text        NOT NULL,
    transfer_id   text        NOT NULL,
    seq           integer     NOT NULL,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    from_state    text,
    to_state      text        NOT NULL,
    cbs_reference text,
    detail        text        NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, direction, transfer_id, seq)
);

CREATE TRIGGER transfer_events_append_only BEFORE UPDATE OR DELETE ON transfer_events
    FOR EACH ROW EXECUTE FUNCTION coregate_append_only();
