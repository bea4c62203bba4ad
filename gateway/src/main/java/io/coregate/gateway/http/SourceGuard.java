package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantId;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's allowed source networks ({@code access.sdkSources}, {@code access.dfspSources} in its document): on the
 * sdk listener a filter refuses a caller outside them before any route runs (3000, answered 400 as the backend spec
 * allows); on the dfsp listener {@link DfspAuth} refuses one once the key named the tenant (403). The source is the
 * TCP peer: a proxy in front must keep it (or the network policy must do this job). Thread-safe.
 */
final class SourceGuard implements Filter {

    private final TenantDirectory tenants;

    SourceGuard(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String segment = TenantThrottle.firstSegment(request.path().path());
        Tenant tenant = TenantId.isValid(segment) ? tenants.all().get(new TenantId(segment)) : null;
        Optional<InetAddress> source = source(request);
        if (tenant != null && source.isPresent() && !tenant.document().access().allowsSdk(source.get())) {
            refuse(response, refusal(source.get(), segment, "sdk"));
            return;
        }
        if (tenant != null && !tenant.document().access().sdkClients().isEmpty()) {
            List<String> names = ClientNames.of(request.remotePeer().tlsCertificates());
            if (!tenant.document().access().allowsSdkClient(names)) {
                refuse(response, names.isEmpty()
                    ? "tenant '" + segment + "' accepts only its Connector's client certificate on the sdk listener (access.sdkClients);"
                        + " none was presented"
                    : "the client certificate " + names + " is not one of tenant '" + segment + "''s Connectors (access.sdkClients)");
                return;
            }
        }
        chain.proceed();
    }

    private static void refuse(RoutingResponse response, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", ErrorCode.FORBIDDEN.code());
        body.put("message", message);
        Json.send(response, ErrorHandler.statusFor(Listener.SDK, ErrorCode.FORBIDDEN), body);
    }

    /** The caller's address, when the peer is an IP socket. */
    static Optional<InetAddress> source(ServerRequest request) {
        return request.remotePeer().address() instanceof InetSocketAddress socket && socket.getAddress() != null
            ? Optional.of(socket.getAddress()) : Optional.empty();
    }

    /** The message of a refusal. */
    static String refusal(InetAddress source, String tenant, String listener) {
        return "source " + source.getHostAddress() + " may not call tenant '" + tenant + "' on the " + listener
            + " listener (the tenant document's access." + listener + "Sources)";
    }
}
