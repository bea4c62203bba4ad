package io.coregate.gateway.replica;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.PluginJarBuilder;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two gateways started at the same moment on one fresh database: Flyway migrates once, both register, and
 * {@code GET /admin/replicas} shows their plugins and whether they agree.
 */
class ReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestDatabase.Schema schema;
    private static TestGateway first;
    private static TestGateway second;

    @BeforeAll
    static void startTogether() {
        schema = TestDatabase.freshSchema();
        var a = CompletableFuture.supplyAsync(() -> TestGateway.start(schema, overrides("replica-a")));
        var b = CompletableFuture.supplyAsync(() -> TestGateway.start(schema, overrides("replica-b")));
        first = a.join();
        second = b.join();
    }

    private static Map<String, String> overrides(String id) {
        return Map.of("replicas.id", id, "replicas.heartbeat-seconds", "1");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void migrationsRanOnceAlthoughBothStartedTogether() throws SQLException {
        long files;
        try (var stream = Files.list(Path.of("..", "db", "migration"))) {
            files = stream.filter(p -> p.getFileName().toString().matches("V\\d+(_\\d+)*__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (var connection = schema.connect();
             var statement = connection.prepareStatement(
                 "SELECT count(*), count(DISTINCT version), bool_and(success) FROM flyway_schema_history WHERE version IS NOT NULL");
             var rows = statement.executeQuery()) {
            rows.next();
            assertEquals(files, rows.getLong(1), "one history row per migration");
            assertEquals(files, rows.getLong(2));
            assertTrue(rows.getBoolean(3));
        }
    }

    @Test
    void bothReplicasAreListedLiveWithTheSamePluginChecksums() {
        var body = await(first, b -> replicas(b).size() == 2);
        assertEquals("replica-a", body.get("self"));
        assertEquals(true, body.get("agree"), body.toString());
        var listed = replicas(body);
        assertEquals(List.of("replica-a", "replica-b"), listed.stream().map(r -> r.get("id")).toList());
        for (var replica : listed) {
            assertEquals(true, replica.get("live"));
            assertEquals("1.0.0", replica.get("version"));
            var sandbox = plugins(replica).stream().filter(p -> "sandbox".equals(p.get("id"))).findFirst().orElseThrow();
            assertTrue(sandbox.get("sha256").toString().matches("[0-9a-f]{64}"), sandbox.toString());
            assertEquals("STARTED", sandbox.get("state"));
        }
        assertEquals(plugins(listed.get(0)), plugins(listed.get(1)));
        assertEquals("replica-b", second.admin().get("/admin/replicas").json().get("self"));
    }

    @Test
    void aPluginDroppedIntoOneReplicaOnlyShowsTheyDisagree() throws java.io.IOException {
        Path dropIn = Files.createDirectories(second.workDir().resolve("plugins"));
        PluginJarBuilder.adapter("onlyhere", "1.0.0", "test.onlyhere", "\"x\"").build(dropIn.resolve("onlyhere.jar"));
        var body = await(first, b -> Boolean.FALSE.equals(b.get("agree")));
        var b = replicas(body).stream().filter(r -> "replica-b".equals(r.get("id"))).findFirst().orElseThrow();
        assertTrue(plugins(b).stream().anyMatch(p -> "onlyhere".equals(p.get("id"))), b.toString());
        var a = replicas(body).stream().filter(r -> "replica-a".equals(r.get("id"))).findFirst().orElseThrow();
        assertFalse(plugins(a).stream().anyMatch(p -> "onlyhere".equals(p.get("id"))), a.toString());
        Files.delete(dropIn.resolve("onlyhere.jar"));
        await(first, x -> Boolean.TRUE.equals(x.get("agree")));
    }

    @Test
    void replicasNeedTheAdminToken() {
        var response = first.anonymousAdmin().get("/admin/replicas");
        assertEquals(401, response.status(), response.body());
        assertFalse(response.body().contains("replica-a"));
    }

    @Test
    void aReplicaThatStopsLeavesTheRegistry() {
        var third = TestGateway.start(schema, overrides("replica-c"));
        try {
            await(first, b -> replicas(b).stream().anyMatch(r -> "replica-c".equals(r.get("id"))));
        } finally {
            third.close();
        }
        var body = first.admin().get("/admin/replicas").json();
        assertFalse(replicas(body).stream().anyMatch(r -> "replica-c".equals(r.get("id"))), body.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> replicas(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("replicas");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> plugins(Map<String, Object> replica) {
        return (List<Map<String, Object>>) replica.get("plugins");
    }

    private static Map<String, Object> await(TestGateway gateway, Predicate<Map<String, Object>> match) {
        Map<String, Object> last = Poll.last(WAIT, () -> {
            Http.Response response = gateway.admin().get("/admin/replicas");
            assertEquals(200, response.status(), response.body());
            return response.json();
        }, match);
        return match.test(last) ? last : fail("no match within " + WAIT + "; last answer " + last);
    }
}
