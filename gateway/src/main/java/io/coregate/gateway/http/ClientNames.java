package io.coregate.gateway.http;

import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The names a TLS client certificate carries: its subject CN and its DNS subject alternative names. */
final class ClientNames {

    private static final int DNS_NAME = 2;

    private ClientNames() {
    }

    /** The leaf certificate's names; none without a certificate. */
    static List<String> of(Optional<Certificate[]> chain) {
        if (chain.isEmpty() || chain.get().length == 0 || !(chain.get()[0] instanceof X509Certificate leaf)) {
            return List.of();
        }
        var names = new ArrayList<String>();
        try {
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    names.add(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            // no usable subject: the alternative names may still name it
        }
        try {
            var alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                alternatives.stream().filter(entry -> entry.size() == 2 && Integer.valueOf(DNS_NAME).equals(entry.get(0)))
                    .forEach(entry -> names.add(entry.get(1).toString()));
            }
        } catch (CertificateParsingException e) {
            // no alternative names
        }
        return List.copyOf(names);
    }
}
