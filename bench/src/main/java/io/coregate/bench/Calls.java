package io.coregate.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import io.coregate.gateway.testing.Http;

import java.io.IOException;
import java.util.Map;

/** Timed HTTP calls of a sequence: an answer other than the expected status fails the sequence, naming the call. */
final class Calls {

    static final byte[] NONE = new byte[0];
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Calls() {
    }

    /** Sends one timed call and answers it when its status is {@code expected}. */
    static RawHttp.Answer call(Samples samples, RawHttp client, String method, String path, byte[] body, int expected) throws Exception {
        RawHttp.Answer answer = samples.time(() -> client.exchange(method, path, body));
        if (answer.status() != expected) {
            String text = answer.text();
            throw new IllegalStateException(method + " " + path + ": HTTP " + answer.status() + " "
                + text.substring(0, Math.min(300, text.length())));
        }
        return answer;
    }

    static byte[] json(Object body) throws IOException {
        return Http.JSON.writeValueAsBytes(body);
    }

    static Map<String, Object> object(RawHttp.Answer answer) throws IOException {
        return Http.JSON.readValue(answer.body(), OBJECT);
    }
}
