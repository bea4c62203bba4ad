/** Tests of the payer flow (send-money, merchant-payment) through the DFSP API against the outbound simulator. */
package io.coregate.gateway.payer;
