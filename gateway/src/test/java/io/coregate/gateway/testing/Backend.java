package io.coregate.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A tenant's backend API as its Mojaloop Connector calls it; every answer is validated against the spec. */
public final class Backend {

    private final Http http;
    private final String tenant;

    public Backend(TestGateway gateway, String tenant) {
        this.http = gateway.sdk();
        this.tenant = tenant;
    }

    public Http.Response quote(Object body) {
        return checked("POST", "/quoterequests", http.post("/" + tenant + "/quoterequests", body));
    }

    public Http.Response prepare(Object body) {
        return checked("POST", "/transfers", http.post("/" + tenant + "/transfers", body));
    }

    public Http.Response notify(String transferId, Object body) {
        return checked("PUT", "/transfers/" + transferId, http.put("/" + tenant + "/transfers/" + transferId, body));
    }

    public Http.Response get(String path) {
        return checked("GET", path, http.get("/" + tenant + path));
    }

    /** Sends raw text with a content type. */
    public Http.Response raw(String method, String path, String contentType, String body) {
        return checked(method, path, http.send(method, "/" + tenant + path, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Any route, body as JSON. */
    public Http.Response send(String method, String path, Map<String, Object> body) {
        return raw(method, path, "application/json", body.isEmpty() ? "{}" : toJson(body));
    }

    private static String toJson(Object body) {
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Http.Response checked(String method, String path, Http.Response response) {
        BackendSpec.check(method, path, response);
        return response;
    }
}
