/**
 * The one validation path: wire records bound by Jackson at the http edge implement {@link
 * io.coregate.gateway.domain.validation.Validated} and report every problem, with its JSON path, to a {@link
 * io.coregate.gateway.domain.validation.Check}. The amount, currency, id-type and correlation-id rules live here once
 * and serve all three listeners and the tenant document; {@link io.coregate.gateway.domain.validation.PlainDecimal} is
 * the operators' decimal (limits, fees, adjustments).
 */
package io.coregate.gateway.domain.validation;
