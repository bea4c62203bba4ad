/** Fast tests of the transfer state machine, canonical hashing and retry backoff. */
package io.coregate.gateway.domain.transfer;
