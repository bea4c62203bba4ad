/**
 * Tenants: the DFSPs hosted by the gateway, their validated documents, and the service that onboards, changes and
 * disables them (with an audit record for every write).
 */
package io.coregate.gateway.domain.tenant;
