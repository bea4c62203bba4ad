-- CBS callbacks (port 3004, /{tenant}/callbacks/{token}/**). Each tenant has one random callback token, created when
-- it is first onboarded (or, for a tenant onboarded before this migration, when first needed) and kept across
-- document revisions: it is part of the URL the tenant's CBS is configured with, so it is stored as is (the admin API
-- shows the URL). Every callback that names a tenant and its token is stored before the tenant's adapter reads it;
-- what the adapter read (reference, state, cbs_reference) or why it could not (detail) is written onto the row.
-- The pending-leg job finds the newest COMPLETED or FAILED callback for a reference. SQL stays within PostgreSQL 14.

CREATE TABLE cbs_callback_tokens (
    tenant_id  text        NOT NULL PRIMARY KEY,
    token      text        NOT NULL CHECK (token ~ '^[A-Za-z0-9_-]{22,}$'),   -- at least 128 random bits, base64url
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cbs_callbacks (
    tenant_id      text        NOT NULL,
    id             bigint      GENERATED ALWAYS AS IDENTITY,
    received_at    timestamptz NOT NULL DEFAULT now(),
    method         text        NOT NULL,
    sub_path       text        NOT NULL,
    body           text        NOT NULL,
    interpreted_at timestamptz,
    reference      text,
    state          text        CHECK (state IN ('COMPLETED', 'FAILED', 'PENDING', 'NOT_FOUND')),
    cbs_reference  text,
    detail         text,
    PRIMARY KEY (tenant_id, id)
);

CREATE INDEX cbs_callbacks_by_reference ON cbs_callbacks (tenant_id, reference, id DESC) WHERE reference IS NOT NULL;
