package io.coregate.gateway;

import io.coregate.gateway.config.ConfigException;
import io.coregate.gateway.logging.LogManagerChoice;
import io.coregate.gateway.logging.ShutdownAwareLogManager;
import io.coregate.plugin.api.ApiVersion;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The process entry point: the configuration sources, start-up and shutdown of the gateway {@link Wiring} builds. */
public final class Main {

    static {
        // Before the first logger: keeps the shutdown's log lines (see ShutdownAwareLogManager).
        LogManagerChoice.install();
    }

    private static final System.Logger LOG = System.getLogger(Main.class.getName());
    /** How long a shutdown during start-up waits for the start to finish before the JVM stops. */
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private Main() {
    }

    /**
     * Runs the gateway until Ctrl-C; exits 2 on a configuration error, 1 on any other start-up failure. The shutdown hook is
     * registered before the start (and so before the banner): a SIGTERM at any moment waits for the start to end, then stops
     * the gateway cleanly.
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        var running = new CompletableFuture<Gateway>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.get(START_WAIT.toSeconds(), TimeUnit.SECONDS).close();
            } catch (ExecutionException | TimeoutException e) {
                // Never started: nothing to close.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ShutdownAwareLogManager.shutdownLogged();
        }, "coregate-shutdown"));
        try {
            running.complete(start(defaultConfig()));
        } catch (ConfigException e) {
            running.completeExceptionally(e);
            LOG.log(System.Logger.Level.ERROR, "configuration error: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            running.completeExceptionally(e);
            LOG.log(System.Logger.Level.ERROR, "start-up failed: " + e.getMessage(), e);
            System.exit(1);
        } finally {
            running.completeExceptionally(new IllegalStateException("start-up did not finish")); // an Error: nothing to close
        }
    }

    /** Environment variables, system properties, {@code config/application.yaml}, then the defaults in the jar. */
    public static Config defaultConfig() {
        return Config.builder()
            .disableEnvironmentVariablesSource()
            .disableSystemPropertiesSource()
            .addSource(ConfigSources.environmentVariables())
            .addSource(ConfigSources.systemProperties())
            .addSource(ConfigSources.file(System.getProperty("coregate.config", "config/application.yaml")).optional())
            .addSource(ConfigSources.classpath("application.yaml"))
            .build();
    }

    /**
     * Starts a gateway (its one composition root is {@link Wiring}).
     *
     * @param source the configuration
     * @return the running gateway
     * @throws ConfigException when a value is invalid
     */
    public static Gateway start(Config source) {
        return Wiring.start(source).gateway();
    }

    /** The gateway's own version (plugins' {@code Plugin-Requires} is checked against the plugin API's, {@link ApiVersion}). */
    static String gatewayVersion() {
        try (InputStream in = Main.class.getResourceAsStream("/coregate.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "1.0.0");
        } catch (IOException e) {
            return "1.0.0";
        }
    }

    /** Beside the code: {@code target/plugins} next to {@code coregate.jar} or next to {@code target/classes}. */
    static Path bundledPluginsDir() {
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("plugins");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("plugins");
        }
    }
}
