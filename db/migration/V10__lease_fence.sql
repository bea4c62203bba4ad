-- Fencing tokens for transfer leases (issue 10, item 5): every lease taken on a transfer increments
-- lease_generation, and a state write made under a lease names the generation it holds, so a holder whose lease
-- expired and was taken over by another caller (or settled by an operator) writes nothing.
ALTER TABLE transfers ADD COLUMN lease_generation bigint NOT NULL DEFAULT 1;

-- The operators' id search (GET /admin/tenants/{t}/transfers?id=...) matches any id a user holds, in either direction.
CREATE INDEX transfers_by_id ON transfers (tenant_id, transfer_id);
CREATE INDEX transfers_by_mojaloop_id ON transfers (tenant_id, mojaloop_transfer_id) WHERE mojaloop_transfer_id IS NOT NULL;
