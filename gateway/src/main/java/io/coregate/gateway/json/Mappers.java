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

    private Mappers() {
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
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build());
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
