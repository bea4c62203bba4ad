/** Fast tests of the ledger's rules, request validation and alarm arithmetic. */
package io.coregate.gateway.domain.ledger;
