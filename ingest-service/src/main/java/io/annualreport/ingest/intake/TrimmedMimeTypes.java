package io.annualreport.ingest.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Tika's own MIME database without its costly magic patterns for types the intake does not tell apart.
 *
 * <p>
 * Tika evaluates every magic pattern of its ~1,600 types on every file; about a hundred of them are regular expressions
 * or byte strings searched over ranges of up to 8 KiB, and they made detection most of the CPU time of an upload. This
 * keeps every type, glob, alias and parent, and every cheap pattern (a fixed string at a fixed or short offset range),
 * and drops only the regex and wide-range patterns of types outside {@code kept}. Those few exotic types are then
 * recognised by name or reported as {@code text/plain} or {@code application/octet-stream}; the accepted types, their
 * parents and the archives keep all their patterns, so their detection is Tika's.
 */
final class TrimmedMimeTypes {

    /** A range pattern scanning more than this many offsets is costly. */
    static final int MAX_CHEAP_RANGE = 256;

    private static final String DATABASE = "/org/apache/tika/mime/tika-mimetypes.xml";

    private TrimmedMimeTypes() {
    }

    /** Tika's database with the costly patterns of every type outside {@code kept} removed. */
    static MimeTypes load(Set<String> kept) {
        try (InputStream in = MimeTypes.class.getResourceAsStream(DATABASE)) {
            if (in == null) {
                throw new IllegalStateException("Tika's MIME database " + DATABASE + " is not on the class path");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document database = factory.newDocumentBuilder().parse(in);
            trim(database, kept);
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(database),
                    new StreamResult(xml));
            return MimeTypesFactory.create(new ByteArrayInputStream(xml.toByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the intake's MIME database from Tika's", e);
        }
    }

    private static void trim(Document database, Set<String> kept) {
        NodeList types = database.getElementsByTagName("mime-type");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (kept.contains(type.getAttribute("type"))) {
                continue;
            }
            for (Element magic : children(type.getElementsByTagName("magic"))) {
                if (isCostly(magic)) {
                    magic.getParentNode().removeChild(magic);
                }
            }
        }
    }

    private static boolean isCostly(Element magic) {
        for (Element match : children(magic.getElementsByTagName("match"))) {
            if ("regex".equals(match.getAttribute("type"))) {
                return true;
            }
            String offset = match.getAttribute("offset");
            int colon = offset.indexOf(':');
            if (colon > 0) {
                int from = Integer.parseInt(offset.substring(0, colon).strip());
                int to = Integer.parseInt(offset.substring(colon + 1).strip());
                if (to - from > MAX_CHEAP_RANGE) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Element> children(NodeList nodes) {
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
