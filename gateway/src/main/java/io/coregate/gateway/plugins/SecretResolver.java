package io.coregate.gateway.plugins;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code env:NAME} and {@code file:/path} secret references, on every lookup, so a rotated mounted
 * Kubernetes Secret takes effect without a restart. Errors name the reference, never a value. Thread-safe.
 */
public final class SecretResolver {

    private final Function<String, String> environment;

    /** @param environment looks up environment variables ({@code System::getenv} in production) */
    public SecretResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The {@link Secrets} view of one tenant's references. */
    public Secrets forTenant(Map<String, String> references) {
        Map<String, String> refs = Map.copyOf(references);
        return name -> Optional.ofNullable(refs.get(name)).map(this::resolve);
    }

    private String resolve(String reference) {
        if (reference.startsWith("env:")) {
            String variable = reference.substring(4);
            return Optional.ofNullable(environment.apply(variable))
                .orElseThrow(() -> new CbsException(FailureKind.UNAVAILABLE, "secret reference " + reference + ": variable is not set"));
        }
        if (reference.startsWith("file:")) {
            try {
                return Files.readString(Path.of(reference.substring(5))).strip();
            } catch (IOException e) {
                throw new CbsException(FailureKind.UNAVAILABLE, "secret reference " + reference + ": file cannot be read");
            }
        }
        throw new CbsException(FailureKind.REJECTED, "secret reference must start with env: or file:");
    }
}
