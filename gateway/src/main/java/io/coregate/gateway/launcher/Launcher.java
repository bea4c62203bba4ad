package io.coregate.gateway.launcher;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The {@code Main-Class} of {@code coregate.jar}. Compiled with {@code --release 8} (its own compiler execution), so an old JVM
 * loads it and reads a clear message rather than an {@code UnsupportedClassVersionError}; on Java 21 or newer it invokes the
 * real {@code Main} by reflection, which is the only way to name a class this old a class file cannot link to.
 */
public final class Launcher {

    /** The oldest Java feature release CoreGate runs on. */
    public static final int REQUIRED = 21;
    /** The exit code of a too old Java: a start-up failure, as for {@code Main}. */
    public static final int TOO_OLD = 1;

    static final String MAIN = "io.coregate.gateway.Main";

    private Launcher() {
    }

    /**
     * Checks the running Java, then runs the gateway.
     *
     * @param args handed to {@code Main}
     * @throws Exception whatever {@code Main} throws
     */
    public static void main(String[] args) throws Exception {
        PrintStream err = System.err;
        Optional<String> problem = problem(System.getProperty("java.specification.version"), System.getProperty("java.version"),
            System.getProperty("java.home"));
        if (problem.isPresent()) {
            err.println(problem.get());
            System.exit(TOO_OLD);
            return;
        }
        Method main = Class.forName(MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw (Error) cause;
        }
    }

    /**
     * The one-line message for a Java older than {@link #REQUIRED}, empty when this Java will do.
     *
     * @param specificationVersion {@code java.specification.version}: {@code 1.8} for Java 8, {@code 17} from Java 9 on
     * @param version {@code java.version}, shown as found
     * @param home {@code java.home}, shown as where
     */
    static Optional<String> problem(String specificationVersion, String version, String home) {
        if (feature(specificationVersion) >= REQUIRED) {
            return Optional.empty();
        }
        return Optional.of("CoreGate needs Java " + REQUIRED + " or newer; found " + version + " at " + home + ". Point JAVA_HOME at a JDK "
            + REQUIRED + "+ and run \"$JAVA_HOME/bin/java\" -jar coregate.jar (from the repository: source .ci/jdk.sh picks one).");
    }

    /** The feature release of a specification version: {@code 1.8} is 8, {@code 17} is 17, absent or unreadable is 0. */
    static int feature(String specificationVersion) {
        if (specificationVersion == null) {
            return 0;
        }
        String major = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = major.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? major : major.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
