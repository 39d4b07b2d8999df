package org.hotline.intake.open311;

import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON document as the XML it maps to by the Spark convention GeoReport v2 uses: an object is an element
 * per field, an array is a wrapper element holding one element per item, named in the singular
 * ({@code services}/{@code service}, {@code service_requests}/{@code request}), null is an empty element.
 */
final class SparkXml {

    private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
            "errors", "error", "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats",
            "format");
    /** Characters XML 1.0 cannot carry at all. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private SparkXml() {
    }

    static String write(String root, JsonNode document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, document);
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Cannot write the XML document " + root, ex);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode node) throws XMLStreamException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (node.isArray()) {
            String item = ITEMS.get(name);
            if (item == null) {
                throw new IllegalArgumentException("No item element name for the list " + name);
            }
            for (JsonNode value : node.values()) {
                element(xml, item, value);
            }
        }
        else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                element(xml, field.getKey(), field.getValue());
            }
        }
        else {
            xml.writeCharacters(NOT_XML.matcher(node.asString()).replaceAll(""));
        }
        xml.writeEndElement();
    }
}
