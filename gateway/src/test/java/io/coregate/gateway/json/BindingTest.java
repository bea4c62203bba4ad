package io.coregate.gateway.json;

import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.NumberAsText;
import io.coregate.gateway.domain.validation.Validated;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BindingTest {

    record Inner(String name, @NumberAsText String rate) implements Validated {
        @Override
        public void check(Check check) {
            check.text("name", name, 8);
        }
    }

    record Outer(String id, Integer count, List<String> tags, Inner inner, Map<String, Inner> byKey, Map<String, Object> free,
                 Boolean flag) implements Validated {
        @Override
        public void check(Check check) {
            check.text("id", id, 4);
            check.optionalNested("inner", inner);
            if (byKey != null) {
                byKey.forEach((key, value) -> value.check(check.at("byKey." + key)));
            }
        }
    }

    private static ValidationException refused(String json) {
        return assertThrows(ValidationException.class, () -> Binding.bind(Mappers.configure(new com.fasterxml.jackson.databind.ObjectMapper())
            .readTree(json), Outer.class));
    }

    private static List<String> fields(String json) {
        return refused(json).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aValidDocumentBindsWithNullReadAsAbsent() throws Exception {
        var tree = Binding.tree(Map.of("id", "a1", "count", 3, "tags", List.of("x"), "inner", Map.of("name", "n", "rate", 1.50),
            "free", Map.of("any", List.of(1, "two"))));
        Outer outer = Binding.bind(tree, Outer.class);
        assertEquals("a1", outer.id());
        assertEquals(3, outer.count());
        assertEquals("1.5", outer.inner().rate());
        assertEquals(Map.of("any", List.of(1, "two")), outer.free());
        assertEquals(null, Binding.bind(Mappers.configure(new com.fasterxml.jackson.databind.ObjectMapper())
            .readTree("{\"id\": \"a\", \"count\": null}"), Outer.class).count());
    }

    @Test
    void unknownMembersAreNamedWithTheirPathAndTheAllowedOnes() {
        var error = refused("{\"id\": \"a\", \"colour\": 1, \"inner\": {\"name\": \"n\", \"nmae\": \"x\"}, \"byKey\": {\"k\": {\"x\": 1}}}");
        assertEquals(List.of("colour", "inner.nmae", "byKey.k.x", "byKey.k.name"), error.errors().stream().map(FieldError::field).toList());
        assertEquals("3100", error.code().code());
        assertTrue(error.errors().getFirst().message().contains("allowed: byKey, count, flag, free, id, inner, tags"),
            error.errors().getFirst().message());
    }

    @Test
    void wrongTypesAreNamedAndTheRecordsOwnCheckOfTheSameFieldIsNotRepeated() {
        assertEquals(List.of("id", "count", "tags[1]", "flag"), fields("{\"id\": 5, \"count\": 1.5, \"tags\": [\"a\", 2], \"flag\": \"yes\"}"));
        assertEquals(List.of("inner", "id"), fields("{\"inner\": \"text\"}"));
        assertEquals(List.of("tags", "byKey.k", "id"), fields("{\"tags\": \"a\", \"byKey\": {\"k\": []}}"));
        var messages = refused("{\"id\": \"a\", \"count\": \"7\", \"inner\": {\"name\": \"n\", \"rate\": true}}").errors();
        assertEquals(List.of(new FieldError("count", "must be a whole number"),
            new FieldError("inner.rate", "must be a decimal string such as \"10.50\"")), messages);
    }

    @Test
    void aNumberIsTextOnlyWhereTheRecordSaysSo() throws Exception {
        assertEquals(List.of("id"), fields("{\"id\": 12}"));
        var tree = Mappers.configure(new com.fasterxml.jackson.databind.ObjectMapper()).readTree("{\"id\": \"a\", \"count\": 2.0, "
            + "\"inner\": {\"name\": \"n\", \"rate\": 10.50}}");
        Outer outer = Binding.bind(tree, Outer.class);
        assertEquals(2, outer.count());
        assertEquals(0, new java.math.BigDecimal("10.50").compareTo(new java.math.BigDecimal(outer.inner().rate())), outer.inner().rate());
    }

    @Test
    void theRecordsCheckAloneKeepsItsOwnCode() {
        var missing = refused("{\"count\": 1}");
        assertEquals("3102", missing.code().code());
        assertEquals(List.of("id"), missing.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aBodyThatIsNotAnObjectIs3101() {
        var error = assertThrows(GatewayException.class, () -> Binding.bind(Binding.tree(List.of(1)), Outer.class));
        assertEquals("3101", error.code().code());
    }
}
