/**
 * The transfer log's domain: the transfer state machine, the payee (inbound) quote and transfer flows, idempotent
 * replay of stored answers, and reconciliation of credits the CBS did not confirm. Storage is the
 * {@link io.coregate.gateway.domain.transfer.TransferLog} port.
 */
package io.coregate.gateway.domain.transfer;
