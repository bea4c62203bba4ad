/**
 * The payer side (a tenant's customer sends money through Mojaloop): the DFSP channels' request records and their
 * validation, and the {@link io.coregate.gateway.domain.payer.Connector} port to the tenant's Mojaloop Connector
 * outbound API with its typed outcomes.
 *
 * <p>What exists here does not depend on the liquidity ledger or the transfer log. The full flow (DESIGN.md "The money
 * flows", payer side) still has to be wired by a {@code PayerService} in this package once those exist:
 * <ol>
 *   <li>{@code POST /{tenant}/send-money}: {@link io.coregate.gateway.domain.payer.PayerRequests#sendMoney} validates;
 *       idempotency on {@code (tenant, homeTransactionId)} (replay or 3106) in the transfer log; ledger reserve of
 *       the send amount (4001 before anything else); {@link io.coregate.gateway.domain.payer.Connector#postTransfer};
 *       {@code Quoted} answers 200 from its {@link io.coregate.gateway.domain.payer.ConnectorTransfer}; any other
 *       outcome voids the reservation and answers its code ({@code Unknown} at this stage as 2004: with
 *       {@code AUTO_ACCEPT_QUOTES=false} nothing was prepared at the hub).</li>
 *   <li>{@code POST /{tenant}/merchant-payment}: the same with {@code amountType=RECEIVE}; the reservation is made
 *       for the quoted {@code transferAmount} once {@code Quoted} returns, before answering.</li>
 *   <li>{@code PUT .../{transferId}}: {@link io.coregate.gateway.domain.payer.PayerRequests#accept} validates;
 *       {@code acceptQuote=false}: {@code acceptQuote(.., false)}, void, ABORTED, 500 4101. {@code true}: adapter
 *       {@code debit}/{@code holdDebit}, then {@link io.coregate.gateway.domain.payer.Connector#acceptQuote}:
 *       {@code Completed} → ledger post (+ {@code captureDebit}), COMMITTED; {@code Aborted}/{@code Failed} →
 *       {@code refund}/{@code releaseDebit}, void, ABORTED; {@code Unknown} → UNCERTAIN, touch nothing, and let a
 *       resolver call {@link io.coregate.gateway.domain.payer.Connector#getTransfer} with backoff until it says
 *       {@code Completed} or {@code Aborted} (or an operator resolves it).</li>
 * </ol>
 */
package io.coregate.gateway.domain.payer;
