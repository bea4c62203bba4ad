package io.coregate.gateway;

import io.coregate.gateway.db.Database;
import io.coregate.gateway.plugins.AdapterRegistry;
import io.coregate.gateway.plugins.PluginHost;
import io.helidon.webserver.WebServer;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running gateway: its listeners, database, plugin host and background jobs. {@link #close()} stops them in
 * reverse order of start. Built only by {@link Wiring}.
 */
public final class Gateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

    private final WebServer server;
    private final Database database;
    private final PluginHost plugins;
    private final AdapterRegistry adapters;
    private final ScheduledExecutorService jobs;
    private final Runnable leave;
    private boolean closed;

    Gateway(WebServer server, Database database, PluginHost plugins, AdapterRegistry adapters, ScheduledExecutorService jobs,
            Runnable leave) {
        this.leave = leave;
        this.server = server;
        this.database = database;
        this.plugins = plugins;
        this.adapters = adapters;
        this.jobs = jobs;
    }

    /** The admin listener's port. */
    public int adminPort() {
        return server.port();
    }

    /** The sdk (backend API) listener's port. */
    public int sdkPort() {
        return server.port("sdk");
    }

    /** The dfsp (channels) listener's port. */
    public int dfspPort() {
        return server.port("dfsp");
    }

    /** True while the listeners run. */
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public synchronized void close() {
        if (server.isRunning()) {
            LOG.log(System.Logger.Level.INFO, "CoreGate stopping");
            server.stop();
        }
        jobs.shutdownNow();
        try {
            jobs.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closed) {
            leaveReplicas();
        }
        adapters.close();
        plugins.close();
        database.close();
        if (!closed) {
            closed = true;
            LOG.log(System.Logger.Level.INFO, "CoreGate stopped");
        }
    }

    /** Removes this replica from the registry; the database may already be unreachable, then the row ages out. */
    private void leaveReplicas() {
        try {
            leave.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not leave the replica registry: " + e.getMessage());
        }
    }
}
