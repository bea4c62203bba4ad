/**
 * Access to the DFSP channels' API: tenant API keys (issued once, stored only as a hash, revocable) and the check
 * that turns an {@code X-API-Key} presented on a tenant's path into that tenant. Storage goes through
 * {@link io.coregate.gateway.domain.access.ApiKeyRepository}.
 */
package io.coregate.gateway.domain.access;
