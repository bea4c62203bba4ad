/**
 * OAuth2 client credentials (RFC 6749 section 4.4): {@link io.coregate.plugin.support.oauth.ClientCredentials} keeps
 * one cached access token, refreshes it ahead of its expiry with one request shared by all concurrent callers, and sends
 * a call again once with a fresh token when the resource server answers 401.
 */
package io.coregate.plugin.support.oauth;
