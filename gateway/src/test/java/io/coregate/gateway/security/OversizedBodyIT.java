package io.coregate.gateway.security;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Oversized bodies sent the way Node's http client (the Mojaloop Connector's) sends them: the whole body written before
 * a byte of the answer is read. The 3104 answer must still arrive, not a connection reset; a connection that stays
 * silent is dropped within the read timeout.
 */
class OversizedBodyIT {

    private static final int FIVE_MIB = 5 << 20;
    private static TestGateway gateway;
    private static String apiKey;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("limits.read-timeout-millis", "2000"));
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
        apiKey = gateway.admin().post("/admin/tenants/bank-a/api-keys", Map.of()).field("apiKey");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void fiveMibWrittenBeforeReadingGets3104OnTheSdkListener() throws Exception {
        var answer = writeWholeBodyThenRead(gateway.gateway().sdkPort(), "/bank-a/quoterequests", "", body(FIVE_MIB), false);
        assertEquals(400, answer.status(), answer.body());
        assertEquals("3104", answer.field("statusCode"));
    }

    @Test
    void fiveMibWrittenBeforeReadingGets3104OnTheDfspListener() throws Exception {
        var answer = writeWholeBodyThenRead(gateway.gateway().dfspPort(), "/bank-a/send-money", "X-API-Key: " + apiKey + "\r\n",
            body(FIVE_MIB), false);
        assertEquals(413, answer.status(), answer.body());
        assertEquals("3104", answer.field("statusCode"));
    }

    @Test
    void fiveMibChunkedWrittenBeforeReadingGets3104() throws Exception {
        var answer = writeWholeBodyThenRead(gateway.gateway().sdkPort(), "/bank-a/quoterequests", "", body(FIVE_MIB), true);
        assertEquals(400, answer.status(), answer.body());
        assertEquals("3104", answer.field("statusCode"));
    }

    @Test
    void oneByteOverTheLimitGets3104AndTheLimitItselfIsRead() throws Exception {
        var over = writeWholeBodyThenRead(gateway.gateway().sdkPort(), "/bank-a/quoterequests", "", body(65_537), false);
        assertEquals("3104", over.field("statusCode"), over.body());
        var at = writeWholeBodyThenRead(gateway.gateway().sdkPort(), "/bank-a/quoterequests", "", body(65_536), false);
        assertEquals(400, at.status(), at.body());
        assertEquals("3101", at.field("statusCode"), "a body at the limit is read (and refused as malformed JSON): " + at.body());
    }

    @Test
    void aSilentConnectionIsDroppedWithinTheReadTimeout() throws Exception {
        // Helidon's idle-connection check covers a connection silent before (or between) requests; one that stalls
        // inside a request head or body is not covered yet.
        for (String sent : new String[] {"", "\r\n"}) {
            try (var socket = new Socket("127.0.0.1", gateway.gateway().sdkPort())) {
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(sent.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                long started = System.nanoTime();
                try {
                    socket.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // Reset instead of closed: dropped all the same.
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < 2_000 + 3_000, "a connection that sent '" + sent.strip() + "' was held " + millis + " ms");
            }
        }
    }

    private static Http.Response writeWholeBodyThenRead(int port, String path, String headers, byte[] body, boolean chunked) throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            var failure = new AtomicReference<Throwable>();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    String length = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n";
                    out.write(head(path, headers, length).getBytes(StandardCharsets.US_ASCII));
                    if (chunked) {
                        for (int at = 0; at < body.length; at += 64 * 1024) {
                            int n = Math.min(64 * 1024, body.length - at);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body, at, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException e) {
                    failure.set(e);
                }
            });
            assertTrue(writer.join(java.time.Duration.ofSeconds(30)), "the body could not be written in 30 s");
            assertNull(failure.get(), "the server broke the connection while the body was being written: " + failure.get());
            return Http.readAnswer(socket.getInputStream());
        }
    }

    private static String head(String path, String headers, String length) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + length + headers + "\r\n";
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        body[0] = '{';
        return body;
    }
}
