package io.coregate.gateway.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives the gateway's tables their first planner statistics as soon as they hold rows, instead of waiting for
 * autovacuum's first {@code ANALYZE} (a naptime or more away on a fresh deployment). Why it matters: every pooled
 * connection caches a generic plan for each hot statement after a few runs; one made while a table had no statistics
 * can pick any index that starts with {@code tenant_id} for a key lookup (e.g. {@code transfers_by_time} for a transfer
 * id) and then reads all of a tenant's rows on every lookup until the table is analysed, which invalidates those plans.
 * Each run analyses the tables of the gateway's schema that were never analysed and have had at least
 * {@link #MIN_CHANGES} rows changed; once every table has statistics a run is one catalog query. Thread-safe.
 */
public final class FirstStatistics {

    /** Rows changed since creation before a never-analysed table is analysed. */
    static final int MIN_CHANGES = 200;

    private static final System.Logger LOG = System.getLogger(FirstStatistics.class.getName());

    private final Jdbc jdbc;
    /** Tables this process analysed: never again (ANALYZE by a role that does not own a table only warns). */
    private final Set<String> analysed = ConcurrentHashMap.newKeySet();

    public FirstStatistics(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Analyses the tables that need it; how many. */
    public int run() {
        return jdbc.read("first statistics", c -> {
            var tables = new ArrayList<String>();
            try (var select = c.prepareStatement("SELECT quote_ident(schemaname) || '.' || quote_ident(relname) FROM pg_stat_user_tables"
                    + " WHERE schemaname = current_schema() AND last_analyze IS NULL AND last_autoanalyze IS NULL"
                    + " AND n_mod_since_analyze >= ?")) {
                select.setInt(1, MIN_CHANGES);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (analysed.add(rows.getString(1))) {
                            tables.add(rows.getString(1));
                        }
                    }
                }
            }
            analyse(c, tables);
            return tables.size();
        });
    }

    private static void analyse(Connection c, List<String> tables) throws SQLException {
        for (String table : tables) {
            try (var statement = c.createStatement()) {
                statement.execute("ANALYZE " + table);
            }
            LOG.log(System.Logger.Level.INFO, () -> "first planner statistics gathered for " + table);
        }
    }
}
