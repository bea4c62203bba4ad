package io.coregate.plugins.t24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.Counterparty;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.TransferContext;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth2 client credentials against a real local token endpoint: the adapter fetches a token with the tenant's client
 * secret, calls Transact with it, and after a 401 (an expired token) fetches a new one; a debit refused that way still
 * books once.
 */
class T24OAuthTest {

    private static final String CLIENT_SECRET = "client-secret-of-the-tenant";

    private HttpServer idp;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private Simulator bank;
    private CoreBankingAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String expected = "Basic " + Base64.getEncoder().encodeToString(("coregate:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        idp.createContext("/token", exchange -> {
            boolean known = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            if (known) {
                tokensIssued.incrementAndGet();
            }
            byte[] body = (known ? "{\"access_token\":\"" + T24Simulator.TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                    : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        idp.start();
        bank = T24Simulator.start();
        var settings = new HashMap<String, Object>(T24ContractTest.context(bank, Map.of()).settings().values());
        settings.put("auth", Map.of("type", "oauth2", "tokenUrl", "http://127.0.0.1:" + idp.getAddress().getPort() + "/token",
                "clientId", "coregate"));
        adapter = new T24AdapterFactory().create(T24ContractTest.context(settings,
                T24ContractTest.secrets(Map.of(T24Auth.CLIENT_SECRET, CLIENT_SECRET))));
    }

    @AfterEach
    void stop() {
        adapter.close();
        bank.close();
        idp.stop(0);
        assertEquals(List.of(), bank.ledger().violations());
    }

    @Test
    void aTokenIsFetchedOnceAndRenewedAfterA401WithoutBookingTwice() {
        assertInstanceOf(Outcome.Done.class, adapter.lookupParty(PartyId.of("ACCOUNT_ID", T24Simulator.ALICE.accountId())));
        assertInstanceOf(Outcome.Done.class, adapter.lookupParty(PartyId.of("ACCOUNT_ID", T24Simulator.BOB.accountId())));
        assertEquals(1, tokensIssued.get(), "the token is cached");
        bank.inject(T24Simulator.ORDERS, Fault.expiredToken(), 1);
        String transferId = UUID.randomUUID().toString();
        var payer = PartyId.of("ACCOUNT_ID", T24Simulator.ALICE.accountId());
        var ten = Money.of("10", "ZMW");
        var debit = new DebitRequest(transferId, payer, ten, Optional.empty(), Optional.of(LegKey.first(transferId, Leg.DEBIT)),
                TransferContext.minimal(transferId, Counterparty.of(payer), Counterparty.of(PartyId.of("MSISDN", "260979000000")), ten));
        assertInstanceOf(Outcome.Done.class, adapter.debit(debit));
        assertEquals(2, tokensIssued.get(), "a new token after the 401");
        assertEquals(2, bank.journal().of(T24Simulator.ORDERS).size(), "refused once, then sent with the new token");
        assertTrue(bank.journal().of(T24Simulator.ORDERS).getFirst().status() == 401);
        assertEquals(1, bank.ledger().postings().stream().filter(p -> !p.legKey().startsWith("open:")).count(), "booked once");
    }
}
