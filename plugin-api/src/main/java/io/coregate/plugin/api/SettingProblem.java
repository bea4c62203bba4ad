package io.coregate.plugin.api;

import java.util.Objects;

/**
 * One problem a factory found in a tenant's CBS configuration, reported at onboarding: {@code PUT /admin/tenants/{t}}
 * answers 400 listing each with its field. Immutable and thread-safe.
 *
 * @param field   the tenant document path, such as {@code cbs.settings.baseUrl} or {@code cbs.secrets.password}
 * @param message what is wrong, naming what is expected (never a secret's value)
 * @since 2.0.0
 */
public record SettingProblem(String field, String message) {

    public SettingProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with {@code cbs.settings.<key>}. */
    public static SettingProblem setting(String key, String message) {
        return new SettingProblem("cbs.settings." + key, message);
    }

    /** A problem with {@code cbs.secrets.<name>}. */
    public static SettingProblem secret(String name, String message) {
        return new SettingProblem("cbs.secrets." + name, message);
    }
}
