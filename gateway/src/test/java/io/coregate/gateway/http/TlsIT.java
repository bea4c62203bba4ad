package io.coregate.gateway.http;

import io.coregate.gateway.config.ConfigException;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS from mounted PEM files, as a Kubernetes TLS Secret provides them: the admin (8080) and dfsp (3004) listeners
 * answer over HTTPS with the configured certificate; the sdk listener (3003) stays plain HTTP for the Connector.
 */
class TlsIT {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static Path dir;
    private static KeyStore store;
    private static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "tls")), "pem");
        Path p12 = dir.resolve("server.p12");
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
            "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit");
        store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, STORE_PASSWORD);
        }
        PrivateKey key = (PrivateKey) store.getKey("server", STORE_PASSWORD);
        Certificate cert = store.getCertificate("server");
        Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY", key.getEncoded()));
        Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", cert.getEncoded()));
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("tls.cert-file", dir.resolve("tls.crt").toString(),
            "tls.key-file", dir.resolve("tls.key").toString(), "server.shutdown-grace-seconds", "1"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void adminAndDfspListenersAnswerOverHttpsWithTheMountedCertificate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting()).connectTimeout(Duration.ofSeconds(5)).build();
        var ready = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gateway.gateway().adminPort() + "/observe/health/ready"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        var replicas = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gateway.gateway().adminPort() + "/admin/replicas"))
            .header("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, replicas.statusCode(), replicas.body());
        var dfsp = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gateway.gateway().dfspPort() + "/x/send-money"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(401, dfsp.statusCode(), dfsp.body());
        assertTrue(dfsp.sslSession().isPresent());
    }

    @Test
    void plainHttpIsRefusedOnTheTlsListenersAndServedOnTheSdkListener() {
        var admin = gateway.anonymousAdmin();
        assertThrows(RuntimeException.class, () -> admin.get("/observe/health/ready"));
        var lookup = gateway.sdk().get("/unknown/parties/MSISDN/1");
        assertEquals(404, lookup.status(), lookup.body());
    }

    @Test
    void oneTlsFileWithoutTheOtherStopsStartUpNamingTheKeys() {
        var error = assertThrows(ConfigException.class, () -> TestGateway.start(TestDatabase.freshSchema(),
            Map.of("tls.cert-file", dir.resolve("tls.crt").toString())));
        assertTrue(error.getMessage().contains("tls.cert-file and tls.key-file"), error.getMessage());
    }

    @Test
    void aKeyFileThatIsNoPemKeyStopsStartUp() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.key"), "not a key\n");
        var error = assertThrows(ConfigException.class, () -> TestGateway.start(TestDatabase.freshSchema(),
            Map.of("tls.cert-file", dir.resolve("tls.crt").toString(), "tls.key-file", bad.toString())));
        assertTrue(error.getMessage().startsWith("tls."), error.getMessage());
    }

    private static SSLContext trusting() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", store.getCertificate("server"));
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }
}
