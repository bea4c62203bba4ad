/**
 * Vendor error codes to failure kinds: {@link io.coregate.plugin.support.errors.ErrorTable} holds the plugin's
 * defaults, overridden per tenant from {@code cbs.settings}, so a bank can remap a code without a new plugin build.
 */
package io.coregate.plugin.support.errors;
