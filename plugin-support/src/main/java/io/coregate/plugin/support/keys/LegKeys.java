package io.coregate.plugin.support.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A vendor's idempotency-key format. {@link #key} is a pure function of the transfer id, the leg and this format, so a
 * retried leg sends the same key and two legs never share one.
 *
 * <p>A key is a body followed by the leg ({@code -debit} with {@link Charset#ALPHANUMERIC_DASH}, {@code debit} with
 * {@link Charset#ALPHANUMERIC}, or the two-letter {@link Leg#code()} with {@link LegStyle#CODE}). The body is the
 * transfer id itself when it fits and uses only allowed characters (a UUID loses its dashes under
 * {@link Charset#ALPHANUMERIC}); otherwise it is the leading hex digits of the id's SHA-256, as many as fit (at least
 * {@value #MIN_HASH_DIGITS}). No leg's suffix ends another's, so a key names exactly one (body, leg) pair. Immutable.
 *
 * @param maxLength the longest key the vendor accepts
 * @param charset   the characters it accepts
 * @param legStyle  how the leg is written
 */
public record LegKeys(int maxLength, Charset charset, LegStyle legStyle) {

    /** The fewest hash digits a body has (48 bits). */
    public static final int MIN_HASH_DIGITS = 12;

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The characters a vendor accepts in a reference. */
    public enum Charset {
        /** {@code [A-Za-z0-9-]}. */
        ALPHANUMERIC_DASH(Pattern.compile("[A-Za-z0-9-]+")),
        /** {@code [A-Za-z0-9]}. */
        ALPHANUMERIC(Pattern.compile("[A-Za-z0-9]+"));

        private final Pattern allowed;

        Charset(Pattern allowed) {
            this.allowed = allowed;
        }

        /** Whether the text uses only these characters. */
        public boolean accepts(String text) {
            return allowed.matcher(text).matches();
        }
    }

    /** How the leg appears in the key. */
    public enum LegStyle {
        /** Its lower-case name: {@code debit}. */
        NAME,
        /** Its two-letter code: {@code DB}. */
        CODE
    }

    public LegKeys {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(legStyle, "legStyle");
        int longestSuffix = 0;
        for (Leg leg : Leg.values()) {
            longestSuffix = Math.max(longestSuffix, suffix(leg, charset, legStyle).length());
        }
        if (maxLength < MIN_HASH_DIGITS + longestSuffix) {
            throw new IllegalArgumentException("a key of at most " + maxLength + " characters cannot hold " + MIN_HASH_DIGITS
                    + " hash digits and the leg; use at least " + (MIN_HASH_DIGITS + longestSuffix) + " or LegStyle.CODE");
        }
    }

    /** {@code <transferId>-<leg>}, at most 64 characters of {@code [A-Za-z0-9-]}. */
    public static LegKeys standard() {
        return new LegKeys(64, Charset.ALPHANUMERIC_DASH, LegStyle.NAME);
    }

    /**
     * The key of a money call's leg in this format: the same for every attempt, distinct between legs. With
     * {@link #standard()} it equals {@link io.coregate.plugin.api.LegKey#value()} for every transfer id that fits.
     */
    public String key(io.coregate.plugin.api.LegKey legKey) {
        return key(legKey.transferId(), Leg.of(legKey.leg()));
    }

    /** The key of this leg of this transfer. */
    public String key(String transferId, Leg leg) {
        if (transferId.isEmpty()) {
            throw new IllegalArgumentException("transferId must not be empty");
        }
        String suffix = suffix(leg, charset, legStyle);
        int room = maxLength - suffix.length();
        String body = charset == Charset.ALPHANUMERIC && UUID.matcher(transferId).matches() ? transferId.replace("-", "") : transferId;
        if (body.length() > room || !charset.accepts(body)) {
            body = sha256Hex(transferId).substring(0, Math.min(64, room));
        }
        return body + suffix;
    }

    private static String suffix(Leg leg, Charset charset, LegStyle style) {
        String name = style == LegStyle.CODE ? leg.code() : leg.label();
        return charset == Charset.ALPHANUMERIC_DASH ? "-" + name : name;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
