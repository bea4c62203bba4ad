-- DFSP API keys gain scopes (SEND: start and accept transfers on 3004; READ: read them) and an optional expiry.
-- Keys issued before keep both scopes and never expire. SQL stays within PostgreSQL 14.

ALTER TABLE api_keys
    ADD COLUMN scopes     text[]      NOT NULL DEFAULT '{SEND,READ}' CHECK (scopes <@ ARRAY['SEND', 'READ'] AND cardinality(scopes) > 0),
    ADD COLUMN expires_at timestamptz;
