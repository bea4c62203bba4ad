package io.coregate.gateway.domain.tenant;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Which secret references a tenant may hold, so that no tenant document can read the gateway's own secrets or another
 * tenant's:
 * <ul>
 *   <li>{@code env:NAME}: NAME starts with the tenant id in capitals, dashes as underscores, and an underscore
 *       ({@code dfspa} → {@code DFSPA_T24_PASSWORD}, {@code bank-a} → {@code BANK_A_...}); never a name the gateway
 *       reads for its own configuration ({@code DB_...}, {@code ADMIN_...}, ...);</li>
 *   <li>{@code file:/path}: inside the tenant secrets directory ({@code secrets.dir}), in a sub-directory named after
 *       the tenant or in a file whose name starts with the tenant id and a dash
 *       ({@code /etc/coregate/tenant-secrets/dfspa-t24-password} or {@code .../dfspa/t24-password}).</li>
 * </ul>
 * When one tenant's id is a prefix of another's ({@code bank} and {@code bank-a}), a name belongs to the longest id it
 * starts with: {@code BANK_A_PASSWORD} is {@code bank-a}'s, never {@code bank}'s. Immutable and thread-safe.
 */
public final class SecretNamespace {

    /** Prefixes of the environment variables the gateway reads for its own configuration. */
    private static final List<String> GATEWAY_VARIABLES = List.of("SERVER_", "SDK_", "DFSP_", "LIMITS_", "DB_", "PLUGINS_", "REPLICAS_",
        "ADMIN_", "TENANTS_", "TRANSFERS_", "LEDGER_", "TLS_", "SECRETS_", "COREGATE_", "JAVA_", "JDK_");

    private final Path directory;

    /** @param directory the tenant secrets directory ({@code secrets.dir}) */
    public SecretNamespace(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The tenant secrets directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Why a reference lies outside its tenant's namespace.
     *
     * @param tenant    the tenant holding the reference
     * @param reference an {@code env:} or {@code file:} reference
     * @param hosted    every tenant id known, with or without {@code tenant}
     * @return empty when the tenant may hold it
     */
    public Optional<String> problem(TenantId tenant, String reference, Collection<TenantId> hosted) {
        if (reference.startsWith("env:")) {
            return variableProblem(tenant, reference.substring(4), hosted);
        }
        if (reference.startsWith("file:")) {
            return fileProblem(tenant, reference.substring(5), hosted);
        }
        return Optional.of("must be a reference 'env:NAME' or 'file:/path'");
    }

    private Optional<String> variableProblem(TenantId tenant, String name, Collection<TenantId> hosted) {
        if (GATEWAY_VARIABLES.stream().anyMatch(name::startsWith)) {
            return Optional.of("env:" + name + " names one of the gateway's own variables; a tenant's variables start with "
                + variablePrefix(tenant));
        }
        Optional<TenantId> owner = owner(tenant, hosted, (id, text) -> text.startsWith(variablePrefix(id)), name);
        if (owner.isPresent() && owner.get().equals(tenant)) {
            return Optional.empty();
        }
        String where = owner.map(other -> " is in tenant " + other + "'s namespace;").orElse(" is outside the tenant's namespace;");
        return Optional.of("env:" + name + where + " a variable of tenant " + tenant + " starts with " + variablePrefix(tenant));
    }

    private Optional<String> fileProblem(TenantId tenant, String file, Collection<TenantId> hosted) {
        Path path = Path.of(file).normalize();
        String wanted = " must be inside " + directory + ", named " + tenant + "-<name> or in " + tenant + "/";
        if (!path.isAbsolute() || !path.startsWith(directory) || path.equals(directory)) {
            return Optional.of("file:" + file + wanted);
        }
        String relative = directory.relativize(path).toString().replace('\\', '/');
        Optional<TenantId> owner = owner(tenant, hosted, (id, text) -> text.startsWith(id.value() + "-") || text.startsWith(id.value() + "/"),
            relative);
        if (owner.isPresent() && owner.get().equals(tenant)) {
            return Optional.empty();
        }
        return Optional.of("file:" + file + owner.map(other -> " is in tenant " + other + "'s namespace; a file of tenant " + tenant)
            .orElse("") + wanted);
    }

    /** The tenant (the longest id among {@code hosted} and {@code tenant}) whose namespace holds {@code key}. */
    private static Optional<TenantId> owner(TenantId tenant, Collection<TenantId> hosted, BiPredicate<TenantId, String> holds, String key) {
        return Stream.concat(hosted.stream(), Stream.of(tenant))
            .filter(id -> holds.test(id, key))
            .max(Comparator.comparingInt(id -> id.value().length()));
    }

    /** {@code bank-a} → {@code BANK_A_}. */
    public static String variablePrefix(TenantId tenant) {
        return tenant.value().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }
}
