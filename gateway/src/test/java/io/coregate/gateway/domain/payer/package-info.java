/** Fast tests of the payer side's request validation and connector error mapping. */
package io.coregate.gateway.domain.payer;
