-- Uploaded plugin jars, content-addressed by sha256, so every replica can pull them into its local plugins
-- folder without a shared disk. Gateway-wide rows carry tenant_id '*' (the keying rule: tenant_id first).
-- SQL stays within PostgreSQL 14.

CREATE TABLE plugin_store (
    tenant_id   text        NOT NULL DEFAULT '*' CHECK (tenant_id = '*'),
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    plugin_id   text        NOT NULL,
    version     text        NOT NULL,
    size_bytes  bigint      NOT NULL,
    content     bytea       NOT NULL,
    uploaded_by text        NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, sha256)
);

-- A stored jar never changes: its key is its checksum.
CREATE TRIGGER plugin_store_immutable BEFORE UPDATE ON plugin_store
    FOR EACH ROW EXECUTE FUNCTION coregate_append_only();
