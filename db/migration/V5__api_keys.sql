-- DFSP channel API keys (X-API-Key on the dfsp listener). Only a SHA-256 hash of each key's secret part is stored;
-- the key itself is shown once, when it is issued. Keyed by tenant_id first like every table.

CREATE TABLE api_keys (
    tenant_id  text        NOT NULL,
    key_id     text        NOT NULL,           -- public, random; also the key's prefix
    hash       text        NOT NULL,           -- hex SHA-256 of the key's secret part
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,                    -- set once; a revoked key never works again
    PRIMARY KEY (tenant_id, key_id)
);

-- Authentication finds a key by its id alone (the id says which tenant it belongs to, so a key presented on
-- another tenant's path is told apart from a wrong key). Not unique: a sharded table can only enforce
-- uniqueness that includes tenant_id, and ids are 128 random bits.
CREATE INDEX api_keys_by_key_id ON api_keys (key_id);
