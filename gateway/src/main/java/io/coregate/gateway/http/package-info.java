/**
 * The three listeners' thin route handlers (parse, call the domain, send), JSON reading and writing, admin
 * authentication, request metrics, and the one place where errors become HTTP answers ({@link io.coregate.gateway.http.ErrorHandler}).
 */
package io.coregate.gateway.http;
