package io.coregate.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads {@code GET /admin/plugins} and waits for an entry, polling briefly. */
public final class Plugins {

    private Plugins() {
    }

    /** The running gateway's drop-in plugins directory ({@code plugins.dir}), created when missing. */
    public static Path dropIn(TestGateway gateway) {
        try {
            return Files.createDirectories(gateway.workDir().resolve("plugins"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry of the listing. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(TestGateway gateway) {
        var response = gateway.admin().get("/admin/plugins");
        if (response.status() != 200) {
            throw new AssertionError("GET /admin/plugins: " + response.status() + " " + response.body());
        }
        return (List<Map<String, Object>>) response.json().get("plugins");
    }

    /** The first entry matching. */
    public static Optional<Map<String, Object>> find(TestGateway gateway, Predicate<Map<String, Object>> match) {
        return list(gateway).stream().filter(match).findFirst();
    }

    /** An entry by id and version. */
    public static Predicate<Map<String, Object>> version(String id, String version) {
        return e -> id.equals(e.get("id")) && version.equals(e.get("version"));
    }

    /** Waits until an entry matches; answers it and how long it took. */
    public static Map<String, Object> await(TestGateway gateway, Predicate<Map<String, Object>> match, Duration limit) {
        Optional<Map<String, Object>> found = Poll.last(limit, () -> find(gateway, match), Optional::isPresent);
        if (found.isPresent()) {
            return found.get();
        }
        throw new AssertionError("no plugin entry matched within " + limit.toMillis() + " ms; listing: " + list(gateway));
    }

    /** Waits until no entry matches. */
    public static void awaitGone(TestGateway gateway, Predicate<Map<String, Object>> match, Duration limit) {
        if (Poll.last(limit, () -> find(gateway, match), Optional::isEmpty).isPresent()) {
            throw new AssertionError("plugin entry still listed after " + limit.toMillis() + " ms; listing: " + list(gateway));
        }
    }
}
