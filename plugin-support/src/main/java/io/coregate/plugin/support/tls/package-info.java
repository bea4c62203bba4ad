/**
 * TLS from PEM text (as tenants keep it in secrets): {@link io.coregate.plugin.support.tls.PemTls} builds an
 * {@link javax.net.ssl.SSLContext} trusting a private CA bundle and presenting a client certificate and key (mTLS).
 */
package io.coregate.plugin.support.tls;
