package io.coregate.gateway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The admin bearer token: {@code admin.token} when configured, else the one in {@code admin.token-file}, else a new
 * random one written there readable by the owner only. The token is never logged.
 *
 * @param token  the token
 * @param origin where it came from, for the start-up banner (never the token itself)
 */
public record AdminToken(String token, String origin) {

    @Override
    public String toString() {
        return "AdminToken[" + origin + "]";
    }

    /** Resolves the token as described above. */
    public static AdminToken resolve(GatewayConfig.Admin config) {
        if (config.token().isPresent()) {
            return new AdminToken(config.token().get(), "from admin.token (ADMIN_TOKEN)");
        }
        Path file = config.tokenFile().toAbsolutePath();
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file).strip();
                if (existing.length() >= 16) {
                    return new AdminToken(existing, "in " + file);
                }
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            Files.writeString(file, token + "\n");
            return new AdminToken(token, "generated into " + file + " (owner-only)");
        } catch (IOException e) {
            throw new UncheckedIOException("admin.token-file " + file + " cannot be used: " + e.getMessage(), e);
        }
    }
}
