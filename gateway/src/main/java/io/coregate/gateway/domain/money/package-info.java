/**
 * Money on the Mojaloop APIs: the amount format (strings only), ISO 4217 currencies with their minor units, and fee
 * policies rounded half-even. Used by both the payee and the payer flows.
 */
package io.coregate.gateway.domain.money;
