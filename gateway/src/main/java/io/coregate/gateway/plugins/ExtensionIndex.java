package io.coregate.gateway.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains why PF4J found no adapter factory in a plugin: no {@code META-INF/extensions.idx} (built without
 * {@code -proc:full}), or an extension class that cannot be loaded (a class it needs is missing). Stateless.
 */
final class ExtensionIndex {

    private static final String INDEX = "META-INF/extensions.idx";

    private ExtensionIndex() {
    }

    static String diagnose(ClassLoader pluginLoader) {
        List<String> names = new ArrayList<>();
        try (InputStream in = pluginLoader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return "the jar has no " + INDEX + " (compile with -proc:full so PF4J's annotation processor writes it)";
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
        } catch (IOException e) {
            return INDEX + " cannot be read: " + e.getMessage();
        }
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, true, pluginLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("extension " + name + " cannot be loaded: " + e);
            }
        }
        return problems.isEmpty() ? INDEX + " lists " + names + ", none implements CoreBankingAdapterFactory" : String.join("; ", problems);
    }
}
