/** Fast tests of the Mojaloop amount format, currencies and fee arithmetic. */
package io.coregate.gateway.domain.money;
