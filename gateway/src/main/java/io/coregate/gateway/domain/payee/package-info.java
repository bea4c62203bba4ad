/**
 * The payee (inbound) flow: the hub sends money to a tenant's customer. The SDK backend API's request and answer
 * shapes as records ({@code *Body}), the quote, transfer, notification and details services, the credit steps and the
 * reconciler that finishes credits the CBS could not make at once.
 */
package io.coregate.gateway.domain.payee;
