package io.coregate.plugin.support.tls;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds an {@link SSLContext} from PEM text. Stateless.
 *
 * <p>Accepted: certificates as {@code -----BEGIN CERTIFICATE-----} blocks (a bundle may hold several), and an
 * unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}, RSA or EC; convert others with
 * {@code openssl pkcs8 -topk8 -nocrypt}). A problem is a {@link CbsException} with {@link FailureKind#REJECTED}
 * naming the secret and the problem, never the PEM text.
 */
public final class PemTls {

    /**
     * A client identity for mutual TLS.
     *
     * @param certificateChainPem the client certificate, then any intermediates
     * @param privateKeyPem       its PKCS#8 private key
     */
    public record ClientIdentity(String certificateChainPem, String privateKeyPem) {
        public ClientIdentity {
            Objects.requireNonNull(certificateChainPem, "certificateChainPem");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        }

        @Override
        public String toString() {
            return "ClientIdentity[***]";
        }
    }

    private static final Pattern PRIVATE_KEY =
            Pattern.compile("-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");
    // The key store only lives in memory; PKCS12 wants some password.
    private static final char[] NO_PASSWORD = "in-memory".toCharArray();

    private PemTls() {
    }

    /**
     * A TLS context trusting {@code caBundlePem} (or the JDK's default CAs when empty) and presenting
     * {@code client} when the server asks for a certificate.
     */
    public static SSLContext context(Optional<String> caBundlePem, Optional<ClientIdentity> client) {
        try {
            TrustManager[] trust = caBundlePem.isPresent() ? trustManagers(caBundlePem.get()) : null;
            KeyManager[] keys = client.isPresent() ? keyManagers(client.get()) : null;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CbsException(FailureKind.REJECTED, "the TLS material cannot be used: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The certificates of a PEM bundle, in order. */
    public static List<Certificate> certificates(String pem, String what) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new CbsException(FailureKind.REJECTED, what + " holds no PEM certificate");
            }
            return List.copyOf(certificates);
        } catch (GeneralSecurityException e) {
            throw new CbsException(FailureKind.REJECTED, what + " is not a PEM certificate bundle", e);
        }
    }

    /** The PKCS#8 private key of a PEM block. */
    public static PrivateKey privateKey(String pem, String what) {
        Matcher block = PRIVATE_KEY.matcher(pem);
        if (!block.find()) {
            throw new CbsException(FailureKind.REJECTED, what + " holds no PEM private key");
        }
        if (!block.group(1).isEmpty()) {
            throw new CbsException(FailureKind.REJECTED, what + " is a " + block.group(1).trim()
                    + " private key; give an unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        List<String> tried = new ArrayList<>();
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                tried.add(algorithm);
            }
        }
        throw new CbsException(FailureKind.REJECTED, what + " is not an " + String.join(", ", tried) + " PKCS#8 key");
    }

    private static TrustManager[] trustManagers(String caBundlePem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates(caBundlePem, "the CA bundle")) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(ClientIdentity client) throws GeneralSecurityException, IOException {
        List<Certificate> chain = certificates(client.certificateChainPem(), "the client certificate");
        PrivateKey key = privateKey(client.privateKeyPem(), "the client key");
        if (!chain.getFirst().getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            throw new CbsException(FailureKind.REJECTED, "the client key (" + key.getAlgorithm() + ") does not match the client certificate ("
                    + chain.getFirst().getPublicKey().getAlgorithm() + ")");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, NO_PASSWORD);
        return factory.getKeyManagers();
    }
}
