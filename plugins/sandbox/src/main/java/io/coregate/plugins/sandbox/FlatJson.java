package io.coregate.plugins.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a flat JSON object whose members are texts or {@code null} (what {@link CallbackBody} writes). Anything else
 * (nesting, numbers, trailing text, bad escapes) is not read: empty. An instance reads one text once; {@link #parse}
 * is thread-safe.
 */
final class FlatJson {

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /** The members, a {@code null} as empty; empty when the text is not such an object. */
    static Optional<Map<String, Optional<String>>> parse(String text) {
        return new FlatJson(text).object();
    }

    private Optional<Map<String, Optional<String>>> object() {
        var members = new LinkedHashMap<String, Optional<String>>();
        if (!take('{')) {
            return Optional.empty();
        }
        if (!take('}')) {
            do {
                Optional<String> name = string();
                if (name.isEmpty() || !take(':')) {
                    return Optional.empty();
                }
                Optional<Optional<String>> value = value();
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                members.put(name.get(), value.get());
            } while (take(','));
            if (!take('}')) {
                return Optional.empty();
            }
        }
        skipSpace();
        return at == text.length() ? Optional.of(members) : Optional.empty();
    }

    private Optional<Optional<String>> value() {
        skipSpace();
        if (text.startsWith("null", at)) {
            at += 4;
            return Optional.of(Optional.empty());
        }
        return string().map(Optional::of);
    }

    private Optional<String> string() {
        if (!take('"')) {
            return Optional.empty();
        }
        var out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return Optional.of(out.toString());
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                return Optional.empty();
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        return Optional.empty();
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                    at += 4;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private boolean take(char expected) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == expected) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
