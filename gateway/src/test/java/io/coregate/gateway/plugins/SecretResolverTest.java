package io.coregate.gateway.plugins;

import io.coregate.plugin.api.CbsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretResolverTest {

    private final SecretResolver resolver = new SecretResolver(name -> name.equals("BANK_A_PASSWORD") ? "pw" : null);

    @Test
    void specialFilesAreRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("/dev/zero"));
        for (String reference : new String[] {"file:/dev/zero", "file:/proc/self/environ", "file:/sys/kernel/mm/transparent_hugepage/enabled",
            "file:" + link, "file:" + dir}) {
            long started = System.nanoTime();
            var refused = assertThrows(CbsException.class, () -> resolver.forTenant(Map.of("p", reference)).get("p"), reference);
            assertTrue((System.nanoTime() - started) / 1_000_000 < 1_000, reference + " took too long");
            assertTrue(refused.getMessage().contains(reference), refused.getMessage());
        }
    }

    @Test
    void secretFilesAreReadUpToTheBound(@TempDir Path dir) throws Exception {
        Path small = Files.writeString(dir.resolve("small"), "s3cret\n");
        assertEquals("s3cret", resolver.forTenant(Map.of("p", "file:" + small)).get("p").orElseThrow());
        Path big = Files.write(dir.resolve("big"), new byte[SecretResolver.MAX_SECRET_BYTES + 1]);
        var refused = assertThrows(CbsException.class, () -> resolver.forTenant(Map.of("p", "file:" + big)).get("p"));
        assertTrue(refused.getMessage().contains("larger than"), refused.getMessage());
        assertEquals("pw", resolver.forTenant(Map.of("p", "env:BANK_A_PASSWORD")).get("p").orElseThrow());
    }
}
