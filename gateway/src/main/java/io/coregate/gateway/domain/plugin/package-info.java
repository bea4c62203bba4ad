/** What operators see of and do with plugin jars, as a port the plugin host implements. */
package io.coregate.gateway.domain.plugin;
