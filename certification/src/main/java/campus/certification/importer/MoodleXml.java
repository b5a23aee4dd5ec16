package campus.certification.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML layer of Moodle XML: a parser that refuses DOCTYPEs (so a file cannot make it read other
 * files or the network), child lookups, and the line each {@code <question>} starts on, for reports.
 */
final class MoodleXml {

    private MoodleXml() {
    }

    static Document parse(byte[] xml) throws SAXException, IOException {
        return parser().parse(new ByteArrayInputStream(xml));
    }

    /**
     * The line of every {@code <question} start tag in document order, skipping comments and CDATA, so
     * the n-th question element starts on the n-th line listed. Reads bytes: any ASCII-compatible
     * encoding counts lines the same way.
     */
    static List<Integer> questionLines(byte[] xml) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < xml.length; i++) {
            byte b = xml[i];
            if (b == '\n') {
                line++;
            } else if (b == '<') {
                String end = starts(xml, i, "<!--") ? "-->" : starts(xml, i, "<![CDATA[") ? "]]>" : null;
                if (end != null) {
                    int j = i;
                    while (j < xml.length && !starts(xml, j, end)) {
                        line += xml[j] == '\n' ? 1 : 0;
                        j++;
                    }
                    i = j + end.length() - 1;
                } else if (starts(xml, i, "<question") && i + 9 < xml.length
                        && (xml[i + 9] == '>' || xml[i + 9] == '/' || Character.isWhitespace(xml[i + 9]))) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static boolean starts(byte[] xml, int at, String what) {
        byte[] w = what.getBytes(StandardCharsets.US_ASCII);
        if (at + w.length > xml.length) {
            return false;
        }
        for (int k = 0; k < w.length; k++) {
            if (xml[at + k] != w[k]) {
                return false;
            }
        }
        return true;
    }

    static Element child(Element e, String name) {
        if (e == null) {
            return null;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A child's text, trimmed; empty when absent. */
    static String value(Element e, String name) {
        return XmlText.text(child(e, name));
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setCoalescing(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
