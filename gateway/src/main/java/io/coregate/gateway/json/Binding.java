package io.coregate.gateway.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.NumberAsText;
import io.coregate.gateway.domain.validation.Validated;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Binds a JSON (or YAML) tree to a validated wire record strictly, for the admin API, the tenant documents and the
 * bootstrap files, where a typo must not pass silently. The tree is walked against the record's components first:
 * every unknown member and every value of the wrong type is reported with its path ({@code cbs.timeoutMillis},
 * {@code currencies[1]}) and left out; the rest is bound by the one configured mapper and checked by the record
 * ({@link Validated}), so one answer lists every problem (3100). JSON {@code null} reads as absent. Stateless.
 */
public final class Binding {

    private static final ObjectMapper MAPPER = Mappers.configure(new ObjectMapper());

    private Binding() {
    }

    /**
     * Binds and checks.
     *
     * @param tree the document or request body
     * @param type the wire record
     * @return the bound record, valid
     * @throws GatewayException 3101 when the tree is not an object; 3100 (or the record's first code) listing every problem
     */
    public static <T extends Validated> T bind(JsonNode tree, Class<T> type) {
        return bind(tree, type, (value, check) -> {
        });
    }

    /**
     * Binds and checks, with a check that needs the gateway's state (is the named plugin loaded?) reporting to the
     * same list as the record's own.
     *
     * @param context the further check; it runs on the bound record, whose refused members are absent
     */
    public static <T extends Validated> T bind(JsonNode tree, Class<T> type, BiConsumer<? super T, Check> context) {
        if (!(tree instanceof ObjectNode)) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body must be a JSON object");
        }
        var problems = new ArrayList<FieldError>();
        JsonNode clean = walk(tree, type, "", false, problems).orElseThrow();
        T value;
        try {
            value = MAPPER.treeToValue(clean, type);
        } catch (JsonMappingException e) {
            throw new GatewayException(ErrorCode.VALIDATION, Mappers.path(e) + " cannot be bound to " + type.getSimpleName());
        } catch (JacksonException e) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body cannot be read");
        }
        Check check = Check.start();
        value.check(check);
        context.accept(value, check);
        try {
            check.done();
        } catch (ValidationException e) {
            if (problems.isEmpty()) {
                throw e;
            }
            e.errors().stream().filter(error -> problems.stream().noneMatch(p -> covers(p.field(), error.field()))).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return value;
    }

    /** Converts a plain value tree (maps, lists, strings, numbers) to a JSON tree, for binding values read elsewhere. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static boolean covers(String reported, String field) {
        return field.equals(reported) || field.startsWith(reported + ".") || field.startsWith(reported + "[");
    }

    /** The node fit for {@code type}, or empty (with the problem reported) when it does not fit. */
    private static Optional<JsonNode> walk(JsonNode node, Type type, String path, boolean numberAsText, List<FieldError> problems) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            return walk(node, argument(type, 0), path, numberAsText, problems);
        }
        if (raw == Object.class) {
            return Optional.of(node);
        }
        if (raw == String.class) {
            if (node.isTextual()) {
                return Optional.of(node);
            }
            if (numberAsText && node.isNumber()) {
                return Optional.of(TextNode.valueOf(node.asText()));
            }
            return refuse(path, numberAsText ? "must be a decimal string such as \"10.50\"" : "must be a string", problems);
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return whole(node, raw == Integer.class || raw == int.class, path, problems);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return node.isBoolean() ? Optional.of(node) : refuse(path, "must be true or false", problems);
        }
        if (raw == BigDecimal.class) {
            return node.isNumber() ? Optional.of(node) : refuse(path, "must be a number", problems);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return array(node, argument(type, 0), path, problems);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return object(node, argument(type, 1), path, problems);
        }
        if (raw.isRecord()) {
            return record(node, raw, path, problems);
        }
        throw new IllegalArgumentException("a wire record cannot have a component of type " + type);
    }

    private static Optional<JsonNode> whole(JsonNode node, boolean isInt, String path, List<FieldError> problems) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
            if (whole && (isInt ? node.canConvertToInt() : node.canConvertToLong())) {
                return Optional.of(isInt ? IntNode.valueOf(value.intValueExact()) : node);
            }
        }
        return refuse(path, "must be a whole number", problems);
    }

    private static Optional<JsonNode> array(JsonNode node, Type element, String path, List<FieldError> problems) {
        if (!node.isArray()) {
            return refuse(path, "must be a JSON array", problems);
        }
        ArrayNode clean = MAPPER.createArrayNode();
        for (int i = 0; i < node.size(); i++) {
            clean.add(walk(node.get(i), element, path + "[" + i + "]", false, problems).orElse(NullNode.getInstance()));
        }
        return Optional.of(clean);
    }

    private static Optional<JsonNode> object(JsonNode node, Type value, String path, List<FieldError> problems) {
        if (!node.isObject()) {
            return refuse(path, "must be a JSON object", problems);
        }
        ObjectNode clean = MAPPER.createObjectNode();
        node.properties().forEach(member -> {
            if (!member.getValue().isNull()) {
                walk(member.getValue(), value, child(path, member.getKey()), false, problems).ifPresent(v -> clean.set(member.getKey(), v));
            }
        });
        return Optional.of(clean);
    }

    private static Optional<JsonNode> record(JsonNode node, Class<?> type, String path, List<FieldError> problems) {
        if (!node.isObject()) {
            return refuse(path.isEmpty() ? "request body" : path, "must be a JSON object", problems);
        }
        Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
            .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        String allowed = components.keySet().stream().sorted().collect(Collectors.joining(", "));
        ObjectNode clean = MAPPER.createObjectNode();
        node.properties().forEach(member -> {
            String field = child(path, member.getKey());
            RecordComponent component = components.get(member.getKey());
            if (component == null) {
                problems.add(new FieldError(field, "unknown field (allowed: " + allowed + ")"));
            } else if (!member.getValue().isNull()) {
                walk(member.getValue(), component.getGenericType(), field, component.isAnnotationPresent(NumberAsText.class), problems)
                    .ifPresent(v -> clean.set(member.getKey(), v));
            }
        });
        return Optional.of(clean);
    }

    private static Optional<JsonNode> refuse(String path, String message, List<FieldError> problems) {
        problems.add(new FieldError(path, message));
        return Optional.empty();
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
