-- The payer (outbound) flow: the Mojaloop Connector's transfer id, known only once the connector answered the
-- POST /transfers, and the answer to that POST, replayed to repeats of the channel's request whatever happened next.
-- The transfer's own key stays the gateway's reference (also the ledger reservation's reference).

ALTER TABLE transfers ADD COLUMN mojaloop_transfer_id text;
ALTER TABLE transfers ADD COLUMN post_answer jsonb;

CREATE UNIQUE INDEX transfers_mojaloop_transfer ON transfers (tenant_id, direction, mojaloop_transfer_id)
    WHERE mojaloop_transfer_id IS NOT NULL;
CREATE INDEX transfers_uncertain ON transfers (next_retry_at) WHERE state = 'UNCERTAIN';
