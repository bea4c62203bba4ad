package io.coregate.plugins.flexcube;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The simulator's own XML (kept apart from the plugin's {@code Soap}, so the simulator checks the wire rather than
 * agreeing with the code under test): a namespace-aware DOM read without DTDs, and envelopes written as text.
 * Stateless and thread-safe.
 */
public final class SimXml {

    private SimXml() {
    }

    /** An element: local name, namespace, text of a leaf, children. Immutable. */
    public record El(String name, String namespace, String text, List<El> children) {

        /** The first child of this name. */
        public Optional<El> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        /** The text of the first child of this name; empty when absent. */
        public String text(String childName) {
            return child(childName).map(El::text).orElse("");
        }
    }

    /** The element inside the envelope's Body. */
    public static El message(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        El envelope = read(builder.parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))).getDocumentElement());
        if (!envelope.name().equals("Envelope") || !"http://schemas.xmlsoap.org/soap/envelope/".equals(envelope.namespace())) {
            throw new IllegalArgumentException("not a SOAP 1.1 envelope");
        }
        return envelope.child("Body").orElseThrow().children().getFirst();
    }

    /** An envelope with this message: fields are strings, nested maps, or lists of maps (repeated elements). */
    public static String envelope(String service, String root, Map<String, ?> content) {
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<S:Body><" + root + " xmlns=\"http://fcubs.ofss.com/service/" + service + "\">");
        write(out, content);
        return out.append("</").append(root).append("></S:Body></S:Envelope>").toString();
    }

    /** A SOAP fault. */
    public static String fault(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
                + "<S:Fault><faultcode>S:Server</faultcode><faultstring>" + escape(message) + "</faultstring></S:Fault></S:Body></S:Envelope>";
    }

    private static void write(StringBuilder out, Map<String, ?> fields) {
        fields.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                list.forEach(item -> one(out, name, item));
            } else {
                one(out, name, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void one(StringBuilder out, String name, Object value) {
        out.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            write(out, (Map<String, ?>) map);
        } else {
            out.append(escape(String.valueOf(value)));
        }
        out.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static El read(Element element) {
        var children = new ArrayList<El>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(read(child));
            }
        }
        return new El(element.getLocalName(), element.getNamespaceURI(), children.isEmpty() ? element.getTextContent().strip() : "", children);
    }
}
