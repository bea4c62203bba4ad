-- Plugin jars an operator approved by checksum (POST /admin/plugins/approvals), shared by every replica. With
-- plugins.require-approval (the default on an external database) a dropped or uploaded jar loads only when its
-- sha256 is approved here or listed in plugins.allowed-sha256. Gateway-wide rows carry tenant_id '*'.
-- SQL stays within PostgreSQL 14.

CREATE TABLE plugin_approvals (
    tenant_id   text        NOT NULL DEFAULT '*' CHECK (tenant_id = '*'),
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    note        text        NOT NULL,
    approved_by text        NOT NULL,
    approved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, sha256)
);
