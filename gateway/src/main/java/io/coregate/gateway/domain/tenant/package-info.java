/**
 * Tenants: the DFSPs hosted by the gateway, their documents (the wire record {@code TenantDocumentBody}, checked field
 * by field, and the typed {@code TenantDocument} with defaults applied), and the service that onboards, changes and
 * disables them (with an audit record for every write).
 */
package io.coregate.gateway.domain.tenant;
