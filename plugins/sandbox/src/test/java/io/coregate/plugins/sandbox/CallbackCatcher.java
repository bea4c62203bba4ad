package io.coregate.plugins.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.coregate.plugin.api.CallbackHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP endpoint standing in for the gateway's callback route: records what the bank calls back. */
final class CallbackCatcher implements AutoCloseable {

    private static final String BASE = "/t/callbacks/token";

    private final HttpServer server;
    private final List<CallbackHandler.Callback> received = new CopyOnWriteArrayList<>();

    private CallbackCatcher(HttpServer server) {
        this.server = server;
    }

    static CallbackCatcher start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CallbackCatcher catcher = new CallbackCatcher(server);
            server.createContext(BASE, exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String subPath = exchange.getRequestURI().getPath().substring(BASE.length());
                catcher.received.add(new CallbackHandler.Callback(exchange.getRequestMethod(), subPath, Map.of(), body));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return catcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
    }

    List<CallbackHandler.Callback> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
