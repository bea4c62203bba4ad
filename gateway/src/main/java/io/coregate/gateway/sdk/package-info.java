/**
 * The client of each tenant's Mojaloop Connector outbound API ({@code sdk-outbound-v2_1_0.yaml}): the
 * {@link io.coregate.gateway.sdk.ConnectorClient} implementing the domain's
 * {@link io.coregate.gateway.domain.payer.Connector} port over Helidon WebClient, the JSON it writes, and the reading
 * of the connector's answers (tolerant of the many fields the real connector adds) into typed outcomes.
 */
package io.coregate.gateway.sdk;
