package io.coregate.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal HTTP/1.1 keep-alive client for the load process: one socket, one request at a time, Content-Length bodies
 * only. The JDK {@code HttpClient} costs more CPU per request than the gateway itself, which on a 2-core machine would
 * measure the client. Not thread-safe: one per client thread.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String fixedHeaders;

    /** A connection to 127.0.0.1:{@code port} sending {@code headers} with every request. */
    RawHttp(int port, Map<String, String> headers) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
        var fixed = new StringBuilder("Host: 127.0.0.1\r\n");
        headers.forEach((name, value) -> fixed.append(name).append(": ").append(value).append("\r\n"));
        fixedHeaders = fixed.toString();
    }

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param body   the body bytes
     */
    record Answer(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends a request and returns the answer with its body. */
    Answer exchange(String method, String path, byte[] body) throws IOException {
        var head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n").append(fixedHeaders);
        if (body.length > 0) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (body.length > 0) {
            out.write(body);
        }
        out.flush();
        int status = -1;
        int length = 0;
        for (String line = line(); !line.isEmpty(); line = line()) {
            if (status < 0) {
                status = Integer.parseInt(line.substring(9, 12));
            } else if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return new Answer(status, in.readNBytes(length));
    }

    private String line() throws IOException {
        var text = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                text.append((char) b);
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
