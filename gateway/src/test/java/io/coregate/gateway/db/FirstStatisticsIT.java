package io.coregate.gateway.db;

import io.coregate.gateway.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A never-analysed table of the gateway's schema gets statistics once it has rows, once; others are left to autovacuum. */
class FirstStatisticsIT {

    @Test
    void aTableWithRowsAndNoStatisticsIsAnalysedOnce() throws Exception {
        DataSource dataSource = TestDatabase.freshSchema().created();
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE busy (id int PRIMARY KEY)");
            s.execute("CREATE TABLE quiet (id int PRIMARY KEY)");
            s.execute("INSERT INTO busy SELECT generate_series(1, 300)");
            s.execute("INSERT INTO quiet VALUES (1)");
        }
        var jdbc = new Jdbc(dataSource);
        var statistics = new FirstStatistics(jdbc);

        int analysed = 0;
        for (int i = 0; i < 100 && analysed == 0; i++) {
            // The statistics views see the inserts once the inserting session has reported them.
            analysed = statistics.run();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertEquals(1, analysed);
        assertEquals(300f, (float) jdbc.read("reltuples", c -> reltuples(c, "busy")));
        assertTrue(jdbc.read("reltuples", c -> reltuples(c, "quiet")) <= 0, "a table with a few rows is left to autovacuum");
        assertEquals(0, statistics.run(), "this process does not analyse a table twice");
        var anotherReplica = new FirstStatistics(jdbc);
        for (int i = 0; i < 100 && analysed > 0; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            analysed = anotherReplica.run();
        }
        assertEquals(0, analysed, "a table with statistics is not analysed again, by any replica");
    }

    private static float reltuples(Connection c, String table) throws SQLException {
        try (var s = c.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            s.setString(1, table);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getFloat(1);
            }
        }
    }
}
