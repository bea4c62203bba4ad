package io.coregate.plugin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.support.http.HttpFailure;
import io.coregate.plugin.support.http.JsonHttp;
import io.coregate.plugin.support.http.JsonRequest;
import io.coregate.plugin.support.log.Redactor;
import io.coregate.plugin.support.log.SupportLog;
import io.coregate.plugin.support.tls.PemTls;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTlsIT {

    private static final char[] PASSWORD = "changeit".toCharArray();
    // Generous: a TLS handshake on a loaded 2-core CI machine took over 3 s once; the tests prove trust, not speed.
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void mutualTlsWithAPrivateCaFromPemText() throws Exception {
        KeyStore server = keytool("server", "RSA", "CN=localhost");
        KeyStore client = keytool("client", "EC", "CN=coregate-client");
        try (LocalServer https = LocalServer.started(httpsServer(server, client.getCertificate("client")))) {
            https.on("/who", exchange -> LocalServer.json(exchange, 200,
                    "{\"peer\":\"" + ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName() + "\"}"));
            String caPem = pem("CERTIFICATE", server.getCertificate("server").getEncoded());
            PemTls.ClientIdentity identity = new PemTls.ClientIdentity(pem("CERTIFICATE", client.getCertificate("client").getEncoded()),
                    pem("PRIVATE KEY", ((PrivateKey) client.getKey("client", PASSWORD)).getEncoded()));

            try (JsonHttp mtls = http(PemTls.context(Optional.of(caPem), Optional.of(identity)));
                 JsonHttp noClientCert = http(PemTls.context(Optional.of(caPem), Optional.empty()));
                 JsonHttp defaultTrust = http(PemTls.context(Optional.empty(), Optional.of(identity)))) {
                assertEquals("CN=coregate-client", mtls.send(JsonRequest.get(https.uri("/who"), TIMEOUT)).text("peer"));
                assertThrows(HttpFailure.class, () -> noClientCert.send(JsonRequest.get(https.uri("/who"), TIMEOUT)));
                HttpFailure untrusted = assertThrows(HttpFailure.class, () -> defaultTrust.send(JsonRequest.get(https.uri("/who"), TIMEOUT)));
                assertEquals(HttpFailure.Reason.CONNECT_FAILED, untrusted.reason());
            }
        }
    }

    @Test
    void textThatIsNotPemIsRefusedWithoutEchoingIt() {
        CbsException e = assertThrows(CbsException.class,
                () -> PemTls.context(Optional.empty(), Optional.of(new PemTls.ClientIdentity("not pem", "secret-bytes"))));
        assertEquals("the client certificate is not a PEM certificate bundle", e.getMessage());
    }

    private KeyStore keytool(String alias, String algorithm, String dname) throws IOException, InterruptedException, Exception {
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

    private static HttpsServer httpsServer(KeyStore identity, Certificate trustedClient) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("client", trustedClient);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trustManagers.getTrustManagers(), null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        return server;
    }

    private static JsonHttp http(SSLContext tls) {
        return JsonHttp.create(new JsonHttp.Options(Duration.ofSeconds(10), 4096, 1, Duration.ZERO),
                new SupportLog(JsonHttp.class, Redactor.headersOnly()), Optional.of(tls));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
