package io.coregate.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The SemVer version of this plugin API, separate from the gateway's version. A plugin declares the range it was built
 * for in its manifest ({@code Plugin-Requires: >=2.0.0 & <3.0.0}); the gateway refuses a plugin whose range does not
 * contain the version it implements. Read at run time from the API jar the host provides, never inlined into a plugin
 * compiled against an older one. Thread-safe.
 *
 * @since 2.0.0
 */
public final class ApiVersion {

    private static final String VERSION = read();

    private ApiVersion() {
    }

    /**
     * The API version this jar implements, such as {@code 2.0.0}.
     *
     * @return the version from the jar's {@code plugin-api.properties}
     */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin-api.properties is missing beside " + ApiVersion.class.getName());
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plugin-api.properties", e);
        }
    }
}
