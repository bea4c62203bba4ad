/** Database runtime tests. */
package io.coregate.gateway.db;
