/** Plugin host tests with real plugin jars loaded from directories. */
package io.coregate.gateway.plugins;
