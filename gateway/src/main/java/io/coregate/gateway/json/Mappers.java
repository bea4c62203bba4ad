package io.coregate.gateway.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Collection;
import java.util.Map;

/** How every {@code ObjectMapper} of the gateway is configured, and how its binding errors are named. Stateless. */
public final class Mappers {

    /** The most characters a JSON number may have (sign, digits, point and exponent). */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** The largest absolute exponent of a JSON number ({@code 1e100} is read, {@code 1e101} refused). */
    public static final int MAX_EXPONENT = 100;
    /** The deepest nesting of objects and arrays. */
    public static final int MAX_DEPTH = 64;
    /** The longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** The longest property name, in characters. */
    public static final int MAX_NAME_LENGTH = 1024;

    private Mappers() {
    }

    /**
     * The gateway's JSON mapper: {@link #configure configured} the one way, over a factory whose parsers refuse numbers
     * with an exponent beyond &plusmn;{@value #MAX_EXPONENT}. Every JSON the gateway reads from outside goes through one.
     */
    public static ObjectMapper json() {
        return configure(new ObjectMapper(new BoundedJsonFactory()));
    }

    /**
     * The mapper for JSON the gateway stored itself (jsonb columns): as {@link #json()}, but PostgreSQL prints a number
     * in plain notation ({@code 1e100} comes back as 101 digits), so a number read back may be as long as the longest
     * mantissa plus the largest exponent.
     */
    public static ObjectMapper stored() {
        ObjectMapper mapper = json();
        mapper.getFactory().setStreamReadConstraints(mapper.getFactory().streamReadConstraints().rebuild()
            .maxNumberLength(MAX_NUMBER_LENGTH + MAX_EXPONENT + 8).build());
        return mapper;
    }

    /**
     * Where a parser stood when it failed, as a JSON pointer ({@code /to/idValue}, {@code /extensionList/extension/0});
     * {@code /} for the document itself.
     */
    public static String pointer(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        if (pointer.isEmpty()) {
            return "/";
        }
        return pointer.length() > 200 ? pointer.substring(0, 200) + "..." : pointer;
    }

    /**
     * Configures a mapper (JSON or YAML) the gateway's one way.
     *
     * @param mapper a new mapper
     * @return the same mapper
     */
    @SuppressWarnings("deprecation")
    public static <M extends ObjectMapper> M configure(M mapper) {
        mapper.registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(type)
                .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float ? CoercionAction.TryConvert
                    : CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH).maxNameLength(MAX_NAME_LENGTH).build());
        return mapper;
    }

    /** The JSON path of a binding error ({@code to.idType}, {@code accounts[2].balance}). */
    public static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "request body" : path.toString();
    }

    /** What the binder expected where it failed, in words. */
    public static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "has the wrong type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type";
    }
}
