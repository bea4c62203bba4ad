package io.coregate.plugin.support.log;

import io.coregate.plugin.api.Secrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@code ***}: every configured secret value (also in its URL-encoded form, as it
 * appears in a query or a form body), the value of any {@code Authorization}/{@code Proxy-Authorization} header, and
 * any {@code Bearer}/{@code Basic} credential.
 *
 * <p>Build one per adapter from the tenant's secrets when the adapter is created (a changed secret re-creates the
 * adapter). Immutable and thread-safe.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?i)((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?)([^\"',;}\\]\\r\\n]+)");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");

    private final List<String> secrets;

    private Redactor(Collection<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                forms.add(value);
                forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    /** Redacts credentials in headers only (no configured secret values). */
    public static Redactor headersOnly() {
        return new Redactor(List.of());
    }

    /** Redacts these secret values and credentials in headers. */
    public static Redactor of(Collection<String> secretValues) {
        return new Redactor(secretValues);
    }

    /** Redacts the current values of the named tenant secrets (those configured) and credentials in headers. */
    public static Redactor of(Secrets secrets, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            secrets.get(name).ifPresent(values::add);
        }
        return new Redactor(values);
    }

    /** This redactor plus one more secret value (e.g. an access token just issued). */
    public Redactor with(String secretValue) {
        List<String> values = new ArrayList<>(secrets);
        values.add(secretValue);
        return new Redactor(values);
    }

    /** The text with every secret replaced by {@link #MASK}. */
    public String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        result = AUTHORIZATION.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return CREDENTIAL.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
    }
}
