/** Fast tests of the domain's CBS port helpers (pending-outcome resolution). */
package io.coregate.gateway.domain.cbs;
