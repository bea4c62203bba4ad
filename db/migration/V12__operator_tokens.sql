-- Named operator tokens (POST /admin/operators): each acts under its own name with one role — ADMINISTRATOR
-- (everything), OPERATOR (only the listed tenants' routes), AUDITOR (read-only). Only a SHA-256 hash of a token's
-- secret part is stored; the token is shown once, when it is issued. Revoked or expired tokens never work again,
-- on any replica. Gateway-wide rows carry tenant_id '*' (a Citus reference table). SQL stays within PostgreSQL 14.

CREATE TABLE operator_tokens (
    tenant_id  text        NOT NULL DEFAULT '*' CHECK (tenant_id = '*'),
    token_id   text        NOT NULL CHECK (token_id ~ '^[0-9a-f]{32}$'),   -- public, random; also the token's prefix
    name       text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('ADMINISTRATOR', 'OPERATOR', 'AUDITOR')),
    tenants    text[]      NOT NULL DEFAULT '{}',                          -- OPERATOR: the tenants it may act on
    hash       text        NOT NULL,                                       -- hex SHA-256 of the token's secret part
    expires_at timestamptz,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    PRIMARY KEY (tenant_id, token_id)
);
