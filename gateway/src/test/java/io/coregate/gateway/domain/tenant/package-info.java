/** Fast tests of tenant rules. */
package io.coregate.gateway.domain.tenant;
