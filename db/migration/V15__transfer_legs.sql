-- The money legs of a transfer at the CBS (issue 10): each leg (reserve, commit, release, debit, hold, capture,
-- unblock, refund) is written here with its idempotency key BEFORE the adapter is called, and its outcome after.
-- A leg left INTENDED (the gateway stopped during the call), UNKNOWN (the call timed out) or PENDING (the CBS
-- answered "accepted, not finished": a 202) is resolved by the CBS's status (or a stored callback) before anything
-- else is decided about it; a give-back (refund, release) is only sent for a leg known to have BOOKED.
-- Every change of a leg appends an entry to the append-only leg_events in the same transaction.

CREATE TABLE transfer_legs (
    tenant_id     text        NOT NULL,
    direction     text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    transfer_id   text        NOT NULL,
    leg           text        NOT NULL,
    leg_key       text        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('INTENDED', 'PENDING', 'UNKNOWN', 'BOOKED', 'FAILED')),
    attempts      integer     NOT NULL DEFAULT 1,
    cbs_reference text,
    last_error    text,
    next_check_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, direction, transfer_id, leg)
);

CREATE TABLE leg_events (
    tenant_id     text        NOT NULL,
    direction     text        NOT NULL,
    transfer_id   text        NOT NULL,
    leg           text        NOT NULL,
    seq           bigserial   NOT NULL,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    from_state    text,
    to_state      text        NOT NULL,
    attempt       integer     NOT NULL,
    cbs_reference text,
    detail        text        NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, direction, transfer_id, leg, seq)
);

CREATE TRIGGER leg_events_append_only BEFORE UPDATE OR DELETE ON leg_events
    FOR EACH ROW EXECUTE FUNCTION coregate_append_only();

-- The settling job's work list: open legs whose next check is due.
CREATE INDEX transfer_legs_open ON transfer_legs (next_check_at) WHERE state IN ('INTENDED', 'PENDING', 'UNKNOWN');
-- A callback names a leg by the CBS's reference.
CREATE INDEX transfer_legs_by_reference ON transfer_legs (tenant_id, cbs_reference) WHERE cbs_reference IS NOT NULL;

-- The payer side's way of taking the customer's money is chosen once, at the accept, and stored as the leg it
-- intended: a HOLD leg (then capture or unblock) or a DEBIT leg (then perhaps refund). Later steps read it from here,
-- never from the adapter's capabilities again (a plugin upgrade between hold and capture must not skip the capture).

-- The payer settling job also sweeps DEBIT_PENDING transfers whose debit leg is already known (a crash between the
-- leg's answer and the transfer's move): few rows, found from the transfer side.
CREATE INDEX transfers_debit_pending ON transfers (tenant_id) WHERE state = 'DEBIT_PENDING';
