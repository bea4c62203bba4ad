package io.coregate.plugins.flexcube;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * SOAP 1.1 envelopes of the FCUBS gateway, written with StAX and read with DOM, namespace-agnostic on the way in (banks'
 * gateways differ in prefixes and namespaces). Parsing refuses DTDs, so no external entity is ever resolved (XXE) and no
 * entity expansion bomb is ever expanded. Stateless and thread-safe.
 */
final class Soap {

    /** The SOAP 1.1 envelope namespace. */
    static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The namespace of an FCUBS gateway service: {@code http://fcubs.ofss.com/service/<Service>}. */
    static final String SERVICE_NS = "http://fcubs.ofss.com/service/";

    private Soap() {
    }

    /**
     * An element read from a message: its local name, its text (of a leaf) and its child elements in order. Immutable.
     *
     * @param name     the local name
     * @param text     the trimmed text content of a leaf element, empty for one with children
     * @param children the child elements
     */
    record Element(String name, String text, List<Element> children) {

        Element {
            children = List.copyOf(children);
        }

        /** The first child of this name. */
        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        /** Every child of this name. */
        List<Element> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** The text of the first child of this name; empty when absent. */
        String text(String childName) {
            return child(childName).map(Element::text).orElse("");
        }

        /** The first element of this name in this element's subtree (itself included), depth first. */
        Optional<Element> find(String descendant) {
            return descendants().filter(e -> e.name.equals(descendant)).findFirst();
        }

        /** Every element of this name in this element's subtree, depth first. */
        List<Element> findAll(String descendant) {
            return descendants().filter(e -> e.name.equals(descendant)).toList();
        }

        private Stream<Element> descendants() {
            return Stream.concat(Stream.of(this), children.stream().flatMap(Element::descendants));
        }
    }

    /**
     * A request or response envelope: {@code <soapenv:Envelope><soapenv:Body><fcub:<root>>} with the header fields and
     * the body, in the service's namespace.
     *
     * @param service the gateway service ({@code FCUBSRTService}), naming the namespace
     * @param root    the message element ({@code CREATETRANSACTION_FSFS_REQ})
     * @param header  the {@code FCUBS_HEADER} fields in order
     * @param body    the {@code FCUBS_BODY} content: a value is a {@code String}, a nested {@code Map} or a {@code List} of maps
     */
    static String envelope(String service, String root, Map<String, ?> header, Map<String, ?> body) {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", ENVELOPE_NS);
            xml.writeNamespace("soapenv", ENVELOPE_NS);
            xml.writeNamespace("fcub", SERVICE_NS + service);
            xml.writeStartElement("soapenv", "Body", ENVELOPE_NS);
            xml.writeStartElement("fcub", root, SERVICE_NS + service);
            write(xml, service, Map.of("FCUBS_HEADER", header));
            write(xml, service, Map.of("FCUBS_BODY", body));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an FCUBS envelope", e);
        }
        return out.toString();
    }

    /** A SOAP 1.1 fault envelope (what a gateway answers with HTTP 500). */
    static String fault(String code, String message) {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", ENVELOPE_NS);
            xml.writeNamespace("soapenv", ENVELOPE_NS);
            xml.writeStartElement("soapenv", "Body", ENVELOPE_NS);
            xml.writeStartElement("soapenv", "Fault", ENVELOPE_NS);
            xml.writeStartElement("faultcode");
            xml.writeCharacters(code);
            xml.writeEndElement();
            xml.writeStartElement("faultstring");
            xml.writeCharacters(message);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a SOAP fault", e);
        }
        return out.toString();
    }

    /**
     * The message element inside {@code Envelope/Body} (the first element child of Body, a {@code Fault} included).
     *
     * @throws IllegalArgumentException when the text is not a well-formed SOAP envelope, or declares a DTD
     */
    static Element parse(byte[] xml) {
        Document document;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed SOAP envelope without a DTD: " + e.getMessage(), e);
        }
        Element envelope = read(document.getDocumentElement());
        if (!envelope.name().equals("Envelope")) {
            throw new IllegalArgumentException("not a SOAP envelope: <" + envelope.name() + ">");
        }
        return envelope.child("Body").flatMap(b -> b.children().stream().findFirst())
                .orElseThrow(() -> new IllegalArgumentException("a SOAP envelope without a message in its Body"));
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static Element read(org.w3c.dom.Element element) {
        var children = new ArrayList<Element>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof org.w3c.dom.Element child) {
                children.add(read(child));
            }
        }
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        return new Element(name, children.isEmpty() ? element.getTextContent().strip() : "", children);
    }

    private static void write(XMLStreamWriter xml, String service, Map<String, ?> fields) throws XMLStreamException {
        for (var entry : fields.entrySet()) {
            if (entry.getValue() instanceof List<?> list) {
                for (Object item : list) {
                    writeOne(xml, service, entry.getKey(), item);
                }
            } else {
                writeOne(xml, service, entry.getKey(), entry.getValue());
            }
        }
    }

    private static void writeOne(XMLStreamWriter xml, String service, String name, Object value) throws XMLStreamException {
        xml.writeStartElement("fcub", name, SERVICE_NS + service);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> nested = (Map<String, ?>) map;
            write(xml, service, nested);
        } else {
            xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }
}
