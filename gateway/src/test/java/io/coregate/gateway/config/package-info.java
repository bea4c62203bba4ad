/** Configuration validation tests. */
package io.coregate.gateway.config;
