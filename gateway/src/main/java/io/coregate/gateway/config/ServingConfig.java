package io.coregate.gateway.config;

import io.helidon.config.Config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the listeners serve, beyond their ports: TLS for the dfsp (3004) and admin (8080) listeners from mounted PEM
 * files, and how long a stopping listener lets in-flight requests finish.
 *
 * @param tls           the certificate chain and private key, when TLS is on ({@code tls.cert-file}, {@code tls.key-file})
 * @param shutdownGrace how long a stopping listener waits for in-flight requests ({@code server.shutdown-grace-seconds})
 * @param sdkTls        TLS on the sdk listener (3003) with optional client certificates, when configured
 *                      ({@code sdk.tls.cert-file}, {@code sdk.tls.key-file}, {@code sdk.tls.client-ca-file})
 */
public record ServingConfig(Optional<Tls> tls, Duration shutdownGrace, Optional<SdkTls> sdkTls) {

    /**
     * TLS for the Mojaloop Connectors' listener: the server's PEM files and the CA (PEM bundle) whose client
     * certificates are accepted; a tenant's {@code access.sdkClients} then names the certificates its Connector uses.
     *
     * @param certFile     the certificate chain, leaf first
     * @param keyFile      the private key
     * @param clientCaFile the trusted client certificate authorities; without it no client certificate is asked for
     */
    public record SdkTls(Path certFile, Path keyFile, Optional<Path> clientCaFile) {
    }

    /**
     * PEM files, as a Kubernetes TLS Secret mounts them ({@code tls.crt}, {@code tls.key}).
     *
     * @param certFile the certificate chain, leaf first
     * @param keyFile  the private key (PKCS#8 or PKCS#1)
     */
    public record Tls(Path certFile, Path keyFile) {
    }

    /**
     * Reads {@code tls.*} and {@code server.shutdown-grace-seconds}.
     *
     * @throws ConfigException naming the first invalid key
     */
    public static ServingConfig load(Config config) {
        Optional<Path> cert = file(config, "tls.cert-file");
        Optional<Path> key = file(config, "tls.key-file");
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException("tls.cert-file and tls.key-file must be set together (TLS for the dfsp and admin listeners)");
        }
        Optional<Tls> tls = cert.map(c -> new Tls(c, key.orElseThrow()));
        Optional<Path> sdkCert = file(config, "sdk.tls.cert-file");
        Optional<Path> sdkKey = file(config, "sdk.tls.key-file");
        Optional<Path> clientCa = file(config, "sdk.tls.client-ca-file");
        if (sdkCert.isPresent() != sdkKey.isPresent() || clientCa.isPresent() && sdkCert.isEmpty()) {
            throw new ConfigException("sdk.tls.cert-file and sdk.tls.key-file must be set together, and sdk.tls.client-ca-file only with them"
                + " (TLS for the sdk listener)");
        }
        Optional<SdkTls> sdkTls = sdkCert.map(c -> new SdkTls(c, sdkKey.orElseThrow(), clientCa));
        return new ServingConfig(tls, Duration.ofSeconds(ConfigLoader.number(config, "server.shutdown-grace-seconds", 20, 0, 600)), sdkTls);
    }

    /** The readable file a key names, when it is set. */
    static Optional<Path> file(Config config, String key) {
        Optional<Path> path = config.get(key).asString().asOptional().map(String::strip).filter(s -> !s.isEmpty()).map(Path::of);
        path.ifPresent(p -> {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new ConfigException(key + " names no readable file: " + p);
            }
        });
        return path;
    }
}
