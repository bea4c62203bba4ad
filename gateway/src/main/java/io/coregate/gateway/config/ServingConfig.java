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
 */
public record ServingConfig(Optional<Tls> tls, Duration shutdownGrace) {

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
        return new ServingConfig(tls, Duration.ofSeconds(ConfigLoader.number(config, "server.shutdown-grace-seconds", 20, 0, 600)));
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
