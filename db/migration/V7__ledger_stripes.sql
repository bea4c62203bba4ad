-- Hot accounts (issue 5, item 3): a balance (tenant, currency) is kept as up to 8 stripe rows whose figures are summed.
-- Stripe 0 is the row that existed before; operator adjustments, limits and inbound transfers change stripe 0 only.
-- A reservation takes from one stripe, found with SKIP LOCKED, when that stripe's own headroom suffices; otherwise the
-- exact slow path locks every stripe of the balance in stripe order and moves headroom between them (REBALANCE
-- journal entries, which net to zero). Stripes above 0 never hold negative headroom; `open` is false on them while the
-- balance as a whole is below zero, so no reservation can take from them until a locked recount. Journal figures are
-- those of the stripe named by the entry; the journal's chain runs per stripe. SQL stays within PostgreSQL 14.

ALTER TABLE liquidity_positions ADD COLUMN stripe smallint NOT NULL DEFAULT 0;
ALTER TABLE liquidity_positions ADD COLUMN open boolean NOT NULL DEFAULT true;
ALTER TABLE liquidity_positions ADD CONSTRAINT liquidity_stripe_range CHECK (stripe BETWEEN 0 AND 63);
ALTER TABLE liquidity_positions DROP CONSTRAINT liquidity_positions_pkey;
ALTER TABLE liquidity_positions ADD PRIMARY KEY (tenant_id, currency, stripe);

ALTER TABLE liquidity_reservations ADD COLUMN stripe smallint NOT NULL DEFAULT 0;

ALTER TABLE liquidity_journal ADD COLUMN stripe smallint NOT NULL DEFAULT 0;
