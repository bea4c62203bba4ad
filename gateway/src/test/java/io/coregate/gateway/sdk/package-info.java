/** Tests of the Mojaloop Connector outbound client against the outbound-API simulator, and of its wire format. */
package io.coregate.gateway.sdk;
