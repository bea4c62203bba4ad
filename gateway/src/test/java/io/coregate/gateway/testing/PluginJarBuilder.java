package io.coregate.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds real PF4J plugin jars at test time: compiles Java sources with {@code javax.tools.JavaCompiler} against
 * the test class path (plugin-api and pf4j, as a plugin's {@code provided} scope), and jars the classes with a
 * MANIFEST and a {@code META-INF/extensions.idx}. Also repackages an existing jar with changed manifest attributes.
 * A builder is used by one test thread.
 */
public final class PluginJarBuilder {

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private final Set<String> omitted = new HashSet<>();
    private boolean index = true;

    private PluginJarBuilder(String id, String version) {
        manifest.put("Plugin-Id", id);
        manifest.put("Plugin-Version", version);
        manifest.put("Plugin-Requires", ">=2.0.0 & <3.0.0");
    }

    /** A plugin with the given id and version, built for plugin API 2 ({@code >=2.0.0 & <3.0.0}). */
    public static PluginJarBuilder plugin(String id, String version) {
        return new PluginJarBuilder(id, version);
    }

    /** A plugin whose adapter factory {@code <pkg>.Factory} answers every lookup with {@code displayName} (a Java expression). */
    public static PluginJarBuilder adapter(String id, String version, String pkg, String displayNameExpression) {
        return plugin(id, version).source(pkg + ".Factory", adapterSource(pkg, displayNameExpression)).extension(pkg + ".Factory");
    }

    /** Sets (or, with {@code null}, removes) a manifest attribute. */
    public PluginJarBuilder manifest(String name, String value) {
        if (value == null) {
            manifest.remove(name);
        } else {
            manifest.put(name, value);
        }
        return this;
    }

    /** Adds a compilation unit. */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Lists a class in {@code META-INF/extensions.idx}. */
    public PluginJarBuilder extension(String className) {
        extensions.add(className);
        return this;
    }

    /** Compiles a class but leaves it out of the jar (a missing dependency). */
    public PluginJarBuilder omit(String className) {
        omitted.add(className);
        return this;
    }

    /** Writes no {@code META-INF/extensions.idx} (as a build without {@code -proc:full} would). */
    public PluginJarBuilder withoutIndex() {
        index = false;
        return this;
    }

    /** Compiles and writes the jar to {@code target}. */
    public Path build(Path target) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes");
            compile(classes);
            var entries = new LinkedHashMap<String, byte[]>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = classes.relativize(file).toString().replace('\\', '/');
                    String className = name.replace('/', '.').replaceAll("\\.class$", "").replaceAll("\\$.*$", "");
                    if (!omitted.contains(className)) {
                        entries.put(name, Files.readAllBytes(file));
                    }
                }
            }
            if (index) {
                entries.put("META-INF/extensions.idx", (String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            write(target, manifestOf(manifest), entries);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        var units = sources.entrySet().stream().map(e -> new Source(e.getKey(), e.getValue())).toList();
        var errors = new java.io.StringWriter();
        boolean ok = compiler.getTask(errors, null, null, List.of("-proc:none", "--release", "21", "-classpath",
            System.getProperty("java.class.path"), "-d", classes.toString()), null, units).call();
        if (!ok) {
            throw new AssertionError("test plugin does not compile: " + errors);
        }
    }

    /** Copies a jar, replacing (or with {@code null} removing) manifest attributes. */
    public static Path repackage(Path jar, Path target, Map<String, String> changes) {
        try (var in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest original = in.getManifest();
            var attributes = new LinkedHashMap<String, String>();
            original.getMainAttributes().forEach((k, v) -> attributes.put(k.toString(), v.toString()));
            changes.forEach((k, v) -> {
                if (v == null) {
                    attributes.remove(k);
                } else {
                    attributes.put(k, v);
                }
            });
            var entries = new LinkedHashMap<String, byte[]>();
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
            write(target, manifestOf(attributes), entries);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a jar file. */
    public static byte[] bytes(Path jar) {
        try {
            return Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled sandbox plugin jar built by the reactor. */
    public static Path sandboxJar() {
        Path jar = Path.of("target", "plugins", "sandbox-1.0.0.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("run the reactor build first: " + jar.toAbsolutePath() + " is missing");
        }
        return jar;
    }

    private static Manifest manifestOf(Map<String, String> attributes) {
        var result = new Manifest();
        result.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> result.getMainAttributes().putValue(k, v));
        return result;
    }

    private static void write(Path target, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        var buffer = new ByteArrayOutputStream();
        try (var out = new JarOutputStream(buffer, manifest)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Path partial = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(partial); InputStream in = new java.io.ByteArrayInputStream(buffer.toByteArray())) {
            in.transferTo(out);
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Source of a minimal adapter factory whose lookups find one active ZMW customer named by the expression. */
    static String adapterSource(String pkg, String displayNameExpression) {
        return """
            package %s;

            import io.coregate.plugin.api.*;
            import java.util.Optional;
            import java.util.Set;

            @org.pf4j.Extension
            public final class Factory implements CoreBankingAdapterFactory {
                @Override
                public CoreBankingAdapter create(AdapterContext context) {
                    return new Adapter();
                }

                static final class Adapter implements CoreBankingAdapter {
                    public Outcome<Party> lookupParty(PartyId id) {
                        return Outcome.done(new Party(id, "ACC-1", "Test", Optional.empty(), "Person", %s, Optional.empty(),
                            Set.of("ZMW"), AccountStatus.ACTIVE, Optional.empty()));
                    }
                    public Outcome<Receipt> reserveCredit(CreditRequest r) { return Outcome.failed(FailureKind.REJECTED, "n/a"); }
                    public Outcome<Receipt> commitCredit(CreditRequest r) { return Outcome.failed(FailureKind.REJECTED, "n/a"); }
                    public Outcome<Receipt> releaseCredit(CreditRequest r) { return Outcome.failed(FailureKind.REJECTED, "n/a"); }
                    public Outcome<Receipt> debit(DebitRequest r) { return Outcome.failed(FailureKind.REJECTED, "n/a"); }
                    public Outcome<Receipt> refund(DebitRequest r) { return Outcome.failed(FailureKind.REJECTED, "n/a"); }
                    public Outcome<TransactionStatus> status(String transferId, Optional<String> ref) {
                        return Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
                    }
                    public HealthStatus health() { return HealthStatus.up("ok"); }
                }
            }
            """.formatted(pkg, displayNameExpression);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
