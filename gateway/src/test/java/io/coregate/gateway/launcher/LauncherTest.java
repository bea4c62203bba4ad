package io.coregate.gateway.launcher;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher lets Java 21+ through, stops older ones with one clear line, and is itself loadable by Java 8. */
class LauncherTest {

    @Test
    void specificationVersionsOfOldAndNewJavasAreRead() {
        assertEquals(8, Launcher.feature("1.8"));
        assertEquals(11, Launcher.feature("11"));
        assertEquals(17, Launcher.feature("17"));
        assertEquals(21, Launcher.feature("21"));
        assertEquals(25, Launcher.feature("25.0.1"));
        assertEquals(0, Launcher.feature("x"));
        assertEquals(0, Launcher.feature(null));
    }

    @Test
    void java21AndNewerAreLetThrough() {
        assertEquals(Optional.empty(), Launcher.problem("21", "21.0.5", "/jdk21"));
        assertEquals(Optional.empty(), Launcher.problem("25", "25", "/jdk25"));
    }

    @Test
    void anOlderJavaGetsOneLineNamingWhatWasFoundAndWhatToDo() {
        String message = Launcher.problem("17", "17.0.13", "/usr/lib/jvm/java-17").orElseThrow();
        assertTrue(message.startsWith("CoreGate needs Java 21 or newer; found 17.0.13 at /usr/lib/jvm/java-17."), message);
        assertTrue(message.contains("JAVA_HOME"), message);
        assertTrue(!message.contains("\n"), message);
        assertTrue(Launcher.problem("1.8", "1.8.0_402", "/jre8").orElseThrow().contains("found 1.8.0_402"));
        assertTrue(Launcher.problem("20", "20", "/jdk20").isPresent());
    }

    @Test
    void theLauncherClassIsJava8BytecodeWhileMainIsJava21() throws IOException {
        assertEquals(52, classFileMajor(Launcher.class));
        assertEquals(65, classFileMajor(io.coregate.gateway.Main.class));
    }

    @Test
    void theLauncherNamesTheRealMain() throws ReflectiveOperationException {
        assertNotNull(Class.forName(Launcher.MAIN).getMethod("main", String[].class));
    }

    private static int classFileMajor(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            var data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
