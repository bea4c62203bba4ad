package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.SecretNamespace;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves {@code env:NAME} and {@code file:/path} secret references, on every lookup, so a rotated mounted
 * Kubernetes Secret takes effect without a restart. Errors name the reference, never a value. A file reference reads
 * at most {@value #MAX_SECRET_BYTES} bytes and only a regular file outside {@code /proc}, {@code /dev} and {@code /sys}
 * (after symbolic links are followed): {@code file:/dev/zero} or {@code file:/proc/self/environ} are refused, never
 * read. Thread-safe.
 */
public final class SecretResolver {

    /** The largest secret file read. */
    static final int MAX_SECRET_BYTES = 64 * 1024;
    private static final java.util.List<Path> SPECIAL = java.util.List.of(Path.of("/proc"), Path.of("/dev"), Path.of("/sys"));

    private final Function<String, String> environment;
    private final SecretNamespace namespace;
    private final Supplier<Collection<TenantId>> hosted;

    /**
     * @param environment looks up environment variables ({@code System::getenv} in production)
     * @param namespace   which references each tenant may hold
     * @param hosted      the tenants hosted now, whose namespaces a reference must not reach into
     */
    public SecretResolver(Function<String, String> environment, SecretNamespace namespace, Supplier<Collection<TenantId>> hosted) {
        this.environment = environment;
        this.namespace = namespace;
        this.hosted = hosted;
    }

    /**
     * The {@link Secrets} view of one tenant's references. Onboarding refuses a reference outside the tenant's
     * namespace; it is checked again on each use, for a document stored before the rule (refused, never read).
     */
    public Secrets forTenant(TenantId tenant, Map<String, String> references) {
        Map<String, String> refs = Map.copyOf(references);
        return new Secrets() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(refs.get(name)).map(reference -> {
                    namespace.problem(tenant, reference, hosted.get()).ifPresent(problem -> {
                        throw new CbsException(FailureKind.REJECTED, "secret reference refused: " + problem);
                    });
                    return resolve(reference);
                });
            }

            @Override
            public java.util.Set<String> names() {
                return refs.keySet();
            }
        };
    }

    private String resolve(String reference) {
        if (reference.startsWith("env:")) {
            String variable = reference.substring(4);
            return Optional.ofNullable(environment.apply(variable))
                .orElseThrow(() -> new CbsException(FailureKind.UNAVAILABLE, "secret reference " + reference + ": variable is not set"));
        }
        if (reference.startsWith("file:")) {
            return readFile(reference, Path.of(reference.substring(5)));
        }
        throw new CbsException(FailureKind.REJECTED, "secret reference must start with env: or file:");
    }

    private String readFile(String reference, Path file) {
        Path real;
        Path directory;
        try {
            real = file.toRealPath();
            directory = namespace.directory().toRealPath();
        } catch (IOException e) {
            throw new CbsException(FailureKind.UNAVAILABLE, "secret reference " + reference + ": file cannot be read");
        }
        if (!real.startsWith(directory)) {
            throw new CbsException(FailureKind.REJECTED, "secret reference " + reference + ": leads outside " + namespace.directory()
                + " through a symbolic link");
        }
        if (SPECIAL.stream().anyMatch(real::startsWith) || !Files.isRegularFile(real)) {
            throw new CbsException(FailureKind.REJECTED, "secret reference " + reference + ": not a regular file outside /proc, /dev and /sys");
        }
        try (var in = Files.newInputStream(real)) {
            byte[] bytes = in.readNBytes(MAX_SECRET_BYTES + 1);
            if (bytes.length > MAX_SECRET_BYTES) {
                throw new CbsException(FailureKind.REJECTED, "secret reference " + reference + ": file is larger than " + MAX_SECRET_BYTES
                    + " bytes");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CbsException(FailureKind.UNAVAILABLE, "secret reference " + reference + ": file cannot be read");
        }
    }
}
