package io.coregate.gateway.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API key format: {@code <keyId>.<secret>}, where the key id is 16 random bytes in hex (public: it names the key
 * in the admin API and in the audit log) and the secret is 32 random bytes in unpadded base64url. Only the SHA-256
 * of the secret is stored: the secret has 256 bits of entropy, so no salt or slow hash is needed. Thread-safe.
 */
final class ApiKeyCodec {

    private static final Pattern KEY = Pattern.compile("^([0-9a-f]{32})\\.([A-Za-z0-9_-]{43})$");
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();

    /** A key id and its full key. */
    record Parts(String keyId, String secret) {

        String apiKey() {
            return keyId + "." + secret;
        }

        @Override
        public String toString() {
            return "Parts[" + keyId + ", (secret)]";
        }
    }

    /** A new random key. */
    Parts generate() {
        byte[] id = new byte[16];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new Parts(HEX.formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The parts of a presented key; empty when it is not shaped like one of ours. */
    static Optional<Parts> parse(String presented) {
        var matcher = KEY.matcher(presented);
        return matcher.matches() ? Optional.of(new Parts(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** True when the text is a well-formed key id. */
    static boolean isKeyId(String text) {
        return text.length() == 32 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** Lower-case hex SHA-256 of a secret, as stored. */
    static String hash(String secret) {
        return HEX.formatHex(sha256(secret));
    }

    /** Compares a presented secret with a stored hash in constant time. */
    static boolean matches(String secret, String storedHash) {
        byte[] expected;
        try {
            expected = HEX.parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(secret));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
