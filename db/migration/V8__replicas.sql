-- The running gateway instances: each replica upserts its row on a heartbeat (version, loaded plugins with their
-- checksums), so GET /admin/replicas shows whether every replica runs the same plugins. Gateway-wide rows carry
-- tenant_id '*' (the keying rule: tenant_id first). SQL stays within PostgreSQL 14.

CREATE TABLE replicas (
    tenant_id    text        NOT NULL DEFAULT '*' CHECK (tenant_id = '*'),
    replica_id   text        NOT NULL CHECK (length(replica_id) BETWEEN 1 AND 253),
    version      text        NOT NULL,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    plugins      jsonb       NOT NULL DEFAULT '[]',
    PRIMARY KEY (tenant_id, replica_id)
);
