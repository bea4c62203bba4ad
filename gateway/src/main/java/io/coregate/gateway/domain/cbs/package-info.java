/** The domain's port to the tenants' core banking systems, implemented by the plugin host. */
package io.coregate.gateway.domain.cbs;
