/** Fast tests of strict binding to wire records. */
package io.coregate.gateway.json;
