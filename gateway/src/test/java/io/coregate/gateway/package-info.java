/** End-to-end tests of the running gateway and its architecture rules. */
package io.coregate.gateway;
