/**
 * The payer side (a tenant's customer sends money through Mojaloop): the DFSP channels' request records (read from
 * JSON at the http edge) and answer records ({@link io.coregate.gateway.domain.payer.QuotedBody},
 * {@link io.coregate.gateway.domain.payer.CompletedBody}, {@link io.coregate.gateway.domain.payer.OutboundDetailsBody};
 * no wire map crosses into this package), the {@link io.coregate.gateway.domain.payer.Connector} port to the tenant's Mojaloop Connector outbound
 * API with its typed outcomes, and the flow itself (DESIGN.md "The money flows", payer side):
 * <ol>
 *   <li>{@link io.coregate.gateway.domain.payer.PayerService}: {@code POST /{tenant}/send-money} and
 *       {@code POST /{tenant}/merchant-payment}: idempotency on {@code (tenant, homeTransactionId)}; the send amount
 *       reserved in the ledger in the transaction that logs the transfer (4001 before anything else); the connector's
 *       {@code POST /transfers} ({@link io.coregate.gateway.domain.payer.Quoting}); a merchant payment's quoted amount
 *       reserved before the channel is answered.</li>
 *   <li>{@link io.coregate.gateway.domain.payer.AcceptService}: {@code PUT .../{transferId}}: the customer debited
 *       (or held) first, then the accept sent once; {@link io.coregate.gateway.domain.payer.Settlement} applies the
 *       hub's answer (COMMITTED, ABORTED with the money given back, UNCERTAIN when unknown).</li>
 *   <li>{@link io.coregate.gateway.domain.payer.UncertainResolver}: reads the connector's transfer status with backoff
 *       until UNCERTAIN transfers end; {@link io.coregate.gateway.domain.payer.OperatorSteps} does the CBS step of an
 *       operator's resolution.</li>
 * </ol>
 * The ledger follows every state change in the change's own transaction: which state posts, voids or marks a
 * reservation is {@link io.coregate.gateway.domain.payer.LedgerPolicy}, which the outbound ledger hook of the db layer
 * executes, through the {@link io.coregate.gateway.domain.payer.OutboundLog} port and the transfer log.
 */
package io.coregate.gateway.domain.payer;
