-- Tenants and the admin audit trail. Every table is keyed by tenant_id so a distributed
-- PostgreSQL (Citus) can shard by tenant; SQL stays within PostgreSQL 14.

CREATE TABLE tenants (
    tenant_id  text        NOT NULL PRIMARY KEY,
    document   jsonb       NOT NULL,          -- secrets appear only as env:/file: references
    enabled    boolean     NOT NULL DEFAULT true,
    revision   bigint      NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only: who changed what, when; details are redacted before they get here.
CREATE TABLE audit_log (
    tenant_id text        NOT NULL,           -- '*' for gateway-wide actions (plugins)
    id        bigserial   NOT NULL,
    at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor     text        NOT NULL,
    action    text        NOT NULL,
    detail    jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, id)
);

CREATE FUNCTION coregate_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION coregate_append_only();
