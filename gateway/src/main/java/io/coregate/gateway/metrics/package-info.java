/** Small helpers over Helidon metrics shared by the layers that record them (http, plugins, sdk). */
package io.coregate.gateway.metrics;
