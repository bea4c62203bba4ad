package io.coregate.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of a request's canonical form: object keys sorted, no whitespace, strings escaped alike, numbers in plain
 * notation. Two bodies that differ only in key order or spacing hash alike; this is what idempotent repeats are compared
 * by. Stateless.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The hex SHA-256 of the canonical form of a JSON value. */
    static String hash(JsonNode value) {
        var text = new StringBuilder();
        write(text, value);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void write(StringBuilder out, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isObject()) {
            var sorted = new TreeMap<String, JsonNode>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                var field = fields.next();
                sorted.put(field.getKey(), field.getValue());
            }
            out.append('{');
            boolean first = true;
            for (var entry : sorted.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, entry.getKey());
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i > 0 ? "," : "");
                write(out, value.get(i));
            }
            out.append(']');
        } else if (value.isTextual()) {
            string(out, value.textValue());
        } else if (value.isBigDecimal() || value.isDouble() || value.isFloat()) {
            out.append(value.decimalValue().toPlainString());
        } else {
            out.append(value.asText());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
