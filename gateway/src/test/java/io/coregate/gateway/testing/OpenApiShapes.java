package io.coregate.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks JSON documents against a schema of an OpenAPI 3.0 spec: {@code $ref}, {@code type}, {@code required},
 * {@code properties}, {@code additionalProperties}, {@code enum}, {@code pattern}, lengths, {@code items}, counts,
 * {@code oneOf}, {@code anyOf} and {@code allOf} (merged, as OpenAPI tools read it, so parts that each forbid extra
 * properties still combine). Patterns Java cannot compile (some Unicode classes) are skipped. For tests only.
 */
public final class OpenApiShapes {

    private final JsonNode spec;

    private OpenApiShapes(JsonNode spec) {
        this.spec = spec;
    }

    /**
     * A spec shipped with the tests under {@code src/test/resources/spec/} (copies of {@code shared/specs}, so the check
     * never depends on what lies beside the repository).
     *
     * @throws IllegalStateException when the file is missing: a spec check must fail, never skip
     */
    public static OpenApiShapes bundled(String file) {
        try (var in = OpenApiShapes.class.getResourceAsStream("/spec/" + file)) {
            if (in == null) {
                throw new IllegalStateException("spec/" + file + " is missing from the test resources");
            }
            return new OpenApiShapes(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way {@code document} breaks {@code #/components/schemas/<schema>}; empty when it conforms. */
    public List<String> problems(String schema, JsonNode document) {
        var problems = new ArrayList<String>();
        check(ref("#/components/schemas/" + schema), document, "$", problems);
        return problems;
    }

    private JsonNode ref(String ref) {
        JsonNode node = spec;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no " + ref + " in the spec");
        }
        return node;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            check(ref(schema.get("$ref").asText()), value, at, problems);
            return;
        }
        if (schema.has("allOf")) {
            check(merged(schema.get("allOf")), value, at, problems);
            return;
        }
        alternatives(schema, value, at, problems);
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(type, value)) {
            problems.add(at + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            text(schema, value.asText(), at, problems);
        }
        if (value.isObject()) {
            object(schema, value, at, problems);
        }
        if (value.isArray()) {
            if (value.size() < schema.path("minItems").asInt(0) || value.size() > schema.path("maxItems").asInt(Integer.MAX_VALUE)) {
                problems.add(at + ": " + value.size() + " items is outside the allowed count");
            }
            for (int i = 0; i < value.size(); i++) {
                check(schema.path("items"), value.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    private void alternatives(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (String keyword : List.of("oneOf", "anyOf")) {
            if (!schema.has(keyword)) {
                continue;
            }
            int matching = 0;
            for (JsonNode option : schema.get(keyword)) {
                var trial = new ArrayList<String>();
                check(option, value, at, trial);
                matching += trial.isEmpty() ? 1 : 0;
            }
            if (matching == 0 || ("oneOf".equals(keyword) && matching > 1)) {
                problems.add(at + ": matches " + matching + " of the " + keyword + " alternatives");
            }
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at + ": missing required " + required.asText());
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (properties.has(name)) {
                check(properties.get(name), value.get(name), at + "." + name, problems);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                problems.add(at + ": property " + name + " is not allowed");
            } else if (additional.isObject()) {
                check(additional, value.get(name), at + "." + name, problems);
            }
        }
    }

    private static void text(JsonNode schema, String text, String at, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        if (length < schema.path("minLength").asInt(0) || length > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
            problems.add(at + ": length " + length + " is outside the allowed lengths");
        }
        if (schema.has("pattern")) {
            try {
                if (!Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                    problems.add(at + ": '" + text + "' does not match " + schema.get("pattern").asText());
                }
            } catch (PatternSyntaxException e) {
                return;
            }
        }
    }

    private JsonNode merged(JsonNode parts) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = merged.putObject("properties");
        var required = merged.putArray("required");
        boolean closed = false;
        for (JsonNode part : parts) {
            JsonNode resolved = part.has("$ref") ? ref(part.get("$ref").asText()) : part;
            resolved.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
            resolved.path("required").forEach(required::add);
            closed |= resolved.path("additionalProperties").isBoolean() && !resolved.path("additionalProperties").asBoolean();
        }
        merged.put("type", "object");
        merged.put("additionalProperties", !closed);
        return merged;
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value) || (option.isValueNode() && value.isValueNode() && option.asText().equals(value.asText()))) {
                return true;
            }
        }
        return false;
    }
}
