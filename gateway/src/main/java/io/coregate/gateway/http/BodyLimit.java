package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Refuses request bodies over a listener's limit with 3104 so that the answer reaches every client. A client that
 * writes its whole body before reading (Node's http client, which the Mojaloop Connector uses) loses an answer sent
 * while its body is still arriving: the server's close resets the connection. So the refused body is read and thrown
 * away, up to {@code discardBytes}, before answering; past that bound (and for a client that announced
 * {@code Expect: 100-continue} and so waits for the server) the answer is sent at once and the connection closed. A
 * body without a declared length is counted as it is read and refused the same way once it passes the limit.
 * Thread-safe.
 */
final class BodyLimit implements Filter {

    private final Listener listener;
    private final long limit;
    private final long discardBytes;

    /** The listener it guards. */
    Listener listener() {
        return listener;
    }

    BodyLimit(Listener listener, long limit, long discardBytes) {
        this.listener = listener;
        this.limit = limit;
        this.discardBytes = discardBytes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > limit) {
            if (!expectsContinue(request)) {
                discard(request.content().inputStream(), Math.min(declared, discardBytes));
            }
            response.header(HeaderValues.CONNECTION_CLOSE);
            Json.send(response, ErrorHandler.statusFor(listener, ErrorCode.TOO_LARGE), body());
            return;
        }
        if (declared < 0) {
            request.streamFilter(in -> new Counted(in));
        }
        chain.proceed();
    }

    private static boolean expectsContinue(RoutingRequest request) {
        return request.headers().first(HeaderNames.EXPECT).map(v -> v.toLowerCase(Locale.ROOT).contains("100-continue")).orElse(false);
    }

    private static void discard(InputStream in, long bytes) {
        byte[] buffer = new byte[16 * 1024];
        try {
            for (long left = bytes; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException | UncheckedIOException e) {
            // The client stopped sending or went away: the answer is sent on whatever remains of the connection.
            return;
        }
    }

    private LinkedHashMap<String, Object> body() {
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", ErrorCode.TOO_LARGE.code());
        body.put("message", "request body is larger than this listener accepts (" + limit + " bytes at most)");
        return body;
    }

    /** A body of undeclared length: refused once it passes the limit, after the rest is read away up to the bound. */
    private final class Counted extends FilterInputStream {

        private long read;

        private Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) {
            if (n > 0 && (read += n) > limit) {
                discard(in, Math.max(0, discardBytes - read));
                throw new GatewayException(ErrorCode.TOO_LARGE, "request body is larger than this listener accepts (" + limit
                    + " bytes at most)");
            }
        }
    }
}
