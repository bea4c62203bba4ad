package io.coregate.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CanonicalJsonTest {

    private static JsonNode json(String text) {
        return Json.parseTree(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void canonicalHashIgnoresKeyOrderButNotValues() {
        JsonNode a = json("{\"x\": \"1\", \"y\": {\"b\": [\"p\", \"q\"], \"a\": true}}");
        JsonNode b = json("{\"y\":{\"a\":true,\"b\":[\"p\",\"q\"]},\"x\":\"1\"}");
        assertEquals(CanonicalJson.hash(a), CanonicalJson.hash(b));
        assertNotEquals(CanonicalJson.hash(a), CanonicalJson.hash(json("{\"y\":{\"a\":true,\"b\":[\"p\",\"q\"]},\"x\":\"2\"}")));
        assertNotEquals(CanonicalJson.hash(json("{\"x\":\"1\"}")), CanonicalJson.hash(json("{\"x\":1}")));
    }
}
