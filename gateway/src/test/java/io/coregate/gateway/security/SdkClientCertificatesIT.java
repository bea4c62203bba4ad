package io.coregate.gateway.security;

import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS on the sdk listener with client certificates ({@code sdk.tls.*}): a tenant listing {@code access.sdkClients}
 * answers only its own Connector's certificate — another Connector's certificate from the same CA, or none, is refused
 * before any route — while a tenant without the list answers any caller the TLS layer let in.
 */
class SdkClientCertificatesIT {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static Path dir;
    private static TestGateway gateway;
    private static KeyStore server;
    private static KeyStore dfspa;
    private static KeyStore evil;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("sdk-tls");
        server = keytool("server", "RSA", "CN=localhost");
        dfspa = keytool("dfspa", "EC", "CN=dfspa-sdk");
        evil = keytool("evil", "EC", "CN=evil-sdk");
        Path cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", server.getCertificate("server").getEncoded()));
        Path key = Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY", ((PrivateKey) server.getKey("server", PASSWORD)).getEncoded()));
        Path clients = Files.writeString(dir.resolve("clients.pem"), pem("CERTIFICATE", dfspa.getCertificate("dfspa").getEncoded())
            + pem("CERTIFICATE", evil.getCertificate("evil").getEncoded()));
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("sdk.tls.cert-file", cert.toString(), "sdk.tls.key-file", key.toString(),
            "sdk.tls.client-ca-file", clients.toString()));
        var strict = new LinkedHashMap<>(Tenants.standard("dfspa"));
        strict.put("access", Map.of("sdkClients", List.of("dfspa-sdk")));
        assertEquals(201, gateway.admin().put("/admin/tenants/strict", strict).status());
        assertEquals(201, gateway.admin().put("/admin/tenants/lax", Tenants.standard("lax")).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void onlyTheTenantsConnectorCertificateReachesItsRoutes() throws Exception {
        var own = get(Optional.of(dfspa), "/strict/parties/MSISDN/260971000001");
        assertEquals(200, own.statusCode(), own.body());
        var other = get(Optional.of(evil), "/strict/parties/MSISDN/260971000001");
        assertEquals(400, other.statusCode(), other.body());
        assertTrue(other.body().contains("\"3000\"") && other.body().contains("evil-sdk"), other.body());
        var none = get(Optional.empty(), "/strict/transfers/b51ec534-ee48-4575-b6a9-ead2955b8069");
        assertEquals(400, none.statusCode(), none.body());
        assertTrue(none.body().contains("none was presented"), none.body());
        assertEquals(200, get(Optional.empty(), "/lax/parties/MSISDN/260971000001").statusCode(), "no list: any caller TLS let in");
        assertEquals(200, get(Optional.of(evil), "/lax/parties/MSISDN/260971000001").statusCode());
    }

    @Test
    void badCertificateNamesAreRefusedAtOnboarding() {
        var doc = new LinkedHashMap<>(Tenants.standard("typo"));
        doc.put("access", Map.of("sdkClients", List.of("dfspa sdk", "")));
        var refused = gateway.admin().put("/admin/tenants/typo", doc);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("access.sdkClients[0]") && refused.body().contains("access.sdkClients[1]"), refused.body());
    }

    private static HttpResponse<String> get(Optional<KeyStore> client, String path) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", server.getCertificate("server"));
        trust.init(trusted);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore identity = client.orElseGet(() -> empty());
        keys.init(identity, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        try (HttpClient http = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(20)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gateway.gateway().sdkPort() + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static KeyStore empty() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, PASSWORD);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore keytool(String alias, String algorithm, String dname) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", alias, "-keyalg", algorithm, "-dname", dname, "-validity", "2",
            "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
            "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type
            + "-----\n";
    }

}
