package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.SecretNamespace;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.CbsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretResolverTest {

    private static final TenantId BANK_A = new TenantId("bank-a");

    private static SecretResolver resolver(Path dir) {
        return new SecretResolver(name -> name.equals("BANK_A_PASSWORD") || name.equals("DB_PASSWORD") ? "pw" : null,
            new SecretNamespace(dir), () -> List.of(BANK_A, new TenantId("bank")));
    }

    @Test
    void specialFilesAndLinksOutOfTheDirectoryAreRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("bank-a-link"), Path.of("/dev/zero"));
        Files.createDirectory(dir.resolve("bank-a"));
        Path outside = Files.writeString(Files.createTempFile("secret", ".txt"), "elsewhere");
        Path linkOut = Files.createSymbolicLink(dir.resolve("bank-a").resolve("key"), outside);
        for (String reference : new String[] {"file:/dev/zero", "file:/proc/self/environ", "file:/sys/kernel/mm/transparent_hugepage/enabled",
            "file:" + link, "file:" + dir, "file:" + linkOut, "file:" + outside}) {
            long started = System.nanoTime();
            var refused = assertThrows(CbsException.class, () -> resolver(dir).forTenant(BANK_A, Map.of("p", reference)).get("p"), reference);
            assertTrue((System.nanoTime() - started) / 1_000_000 < 1_000, reference + " took too long");
            assertTrue(refused.getMessage().contains(reference), refused.getMessage());
        }
    }

    @Test
    void secretFilesAreReadUpToTheBound(@TempDir Path dir) throws Exception {
        Path small = Files.writeString(dir.resolve("bank-a-small"), "s3cret\n");
        assertEquals("s3cret", resolver(dir).forTenant(BANK_A, Map.of("p", "file:" + small)).get("p").orElseThrow());
        Path big = Files.write(dir.resolve("bank-a-big"), new byte[SecretResolver.MAX_SECRET_BYTES + 1]);
        var refused = assertThrows(CbsException.class, () -> resolver(dir).forTenant(BANK_A, Map.of("p", "file:" + big)).get("p"));
        assertTrue(refused.getMessage().contains("larger than"), refused.getMessage());
        assertEquals("pw", resolver(dir).forTenant(BANK_A, Map.of("p", "env:BANK_A_PASSWORD")).get("p").orElseThrow());
    }

    @Test
    void aReferenceOutsideTheTenantsNamespaceIsRefusedOnUseEvenWhenItWasStoredBeforeTheRule(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bank-a-key"), "theirs");
        var bank = new TenantId("bank");
        for (String reference : new String[] {"env:DB_PASSWORD", "env:BANK_A_PASSWORD", "file:" + dir.resolve("bank-a-key")}) {
            var refused = assertThrows(CbsException.class, () -> resolver(dir).forTenant(bank, Map.of("p", reference)).get("p"), reference);
            assertTrue(refused.getMessage().startsWith("secret reference refused: "), refused.getMessage());
            assertTrue(!refused.getMessage().contains("theirs") && !refused.getMessage().contains("pw"), refused.getMessage());
        }
    }
}
