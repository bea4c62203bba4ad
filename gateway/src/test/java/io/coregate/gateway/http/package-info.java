/** Tests of the listeners' routes against the real server on random ports and a real PostgreSQL. */
package io.coregate.gateway.http;
