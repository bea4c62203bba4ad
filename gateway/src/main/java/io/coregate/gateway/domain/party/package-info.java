/** Party lookup for the payee side: who is behind a Mojaloop party id, and may they be paid. */
package io.coregate.gateway.domain.party;
