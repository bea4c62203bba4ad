/**
 * The gateway's error model: one unchecked root exception carrying an FSPIOP {@link io.coregate.gateway.domain.error.ErrorCode},
 * and the one side-aware table that maps CBS failure kinds to those codes.
 */
package io.coregate.gateway.domain.error;
