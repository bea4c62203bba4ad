package io.coregate.plugins.t24;

import io.coregate.plugin.support.http.HttpUrls;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How CoreGate authenticates to the bank's Transact API ({@code cbs.settings.auth.type}), with the names of the tenant
 * secrets each way reads. The values are read on every call (or token fetch) and never kept here. Immutable.
 */
sealed interface T24Auth {

    /** The tenant secret of the basic user's name. */
    String USERNAME = "username";
    /** The tenant secret of the basic user's password. */
    String PASSWORD = "password";
    /** The tenant secret of a static bearer token. */
    String TOKEN = "apiToken";
    /** The tenant secret of the OAuth2 client. */
    String CLIENT_SECRET = "clientSecret";

    /** HTTP Basic with the T24 user the SI created for CoreGate. */
    record Basic() implements T24Auth {
        @Override
        public Set<String> secretNames() {
            return Set.of(USERNAME, PASSWORD);
        }
    }

    /** A static bearer token (an API gateway in front of Transact issuing long-lived tokens). */
    record Bearer() implements T24Auth {
        @Override
        public Set<String> secretNames() {
            return Set.of(TOKEN);
        }
    }

    /**
     * OAuth2 client credentials against the bank's identity provider.
     *
     * @param tokenUrl the token endpoint ({@code auth.tokenUrl})
     * @param clientId the client id ({@code auth.clientId})
     * @param scope    the scope to ask for ({@code auth.scope}), if the provider needs one
     */
    record OAuth2(URI tokenUrl, String clientId, Optional<String> scope) implements T24Auth {
        @Override
        public Set<String> secretNames() {
            return Set.of(CLIENT_SECRET);
        }
    }

    /** The tenant secrets this way needs (names only). */
    Set<String> secretNames();

    /** The way {@code cbs.settings.auth} names; call {@link #problems} first. */
    static T24Auth of(Settings settings) {
        Settings auth = settings.object("auth");
        return switch (auth.string("type").orElse("basic")) {
            case "bearer" -> new Bearer();
            case "oauth2" -> new OAuth2(HttpUrls.parse(auth.string("tokenUrl")).orElseThrow(), auth.string("clientId").orElseThrow(),
                    auth.string("scope"));
            default -> new Basic();
        };
    }

    /** Every problem of {@code cbs.settings.auth}; empty when {@link #of} can read it. */
    static List<SettingProblem> problems(Settings settings) {
        Settings auth = settings.object("auth");
        var problems = new ArrayList<SettingProblem>();
        String type = auth.string("type").orElse("basic");
        if (!List.of("basic", "bearer", "oauth2").contains(type)) {
            problems.add(SettingProblem.setting("auth.type", "must be basic, bearer or oauth2, was '" + type + "'"));
        }
        if ("oauth2".equals(type)) {
            if (HttpUrls.parse(auth.string("tokenUrl")).isEmpty()) {
                problems.add(SettingProblem.setting("auth.tokenUrl", "is required for oauth2: the absolute http(s) URL of the token endpoint"));
            }
            if (auth.string("clientId").filter(id -> !id.isBlank()).isEmpty()) {
                problems.add(SettingProblem.setting("auth.clientId", "is required for oauth2"));
            }
        }
        return problems;
    }
}
