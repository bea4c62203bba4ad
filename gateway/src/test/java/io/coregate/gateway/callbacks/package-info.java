/** CBS callbacks on the dfsp listener: the route, its storage and the inbox the pending-leg job reads. */
package io.coregate.gateway.callbacks;
