package org.wattledger.importers;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML part of an .xlsx read with Aalto StAX: DTDs and entities refused, parse errors turned
 * into "damaged", and the distinct element and attribute names capped at {@value #MAX_NAMES} —
 * a parser's symbol table grows faster than linearly with distinct names, so a part of a million
 * made-up names would burn minutes of CPU; real parts use a few hundred. A part read to its end
 * is drained, so its CRC-32 is checked.
 */
final class XmlPart implements AutoCloseable {
    static final int MAX_NAMES = 10_000;
    private static final XMLInputFactory XML = xmlFactory();

    private final String name;
    private final InputStream in;
    final XMLStreamReader xml;
    private final Set<String> names = new HashSet<>();
    private boolean ended;

    private XmlPart(String name, InputStream in, XMLStreamReader xml) {
        this.name = name;
        this.in = in;
        this.xml = xml;
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return f;
    }

    /**
     * Reads a small document with the parser, so that its classes are loaded and its code warm
     * before a workbook's parts are read ({@link WorkbookImporter#prepareWorkbookReading}).
     */
    static void prepare() {
        byte[] doc = "<workbook xmlns='x'><sheets><sheet name='a' sheetId='1'/></sheets><v>1</v></workbook>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new java.io.ByteArrayInputStream(doc));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    r.getAttributeCount();
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e); // a fixed, well-formed document
        }
    }

    static XmlPart open(ZipContainer zip, String name, LongConsumer progress) {
        ZipEntry e = zip.entry(name);
        if (e == null) {
            throw new InputRejected("has no part " + name + " in its zip archive; the workbook is damaged");
        }
        InputStream in = zip.open(e, progress);
        try {
            return new XmlPart(name, in, XML.createXMLStreamReader(in));
        } catch (XMLStreamException ex) {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
            throw new InputRejected("has a damaged XML part " + name + " (" + firstLine(ex) + ")");
        }
    }

    /** The next event; a DTD is refused, a parse error is a damaged file, too many names a hostile one. */
    int next() {
        try {
            int ev = xml.next();
            if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE
                    || ev == XMLStreamConstants.ENTITY_DECLARATION) {
                throw new InputRejected("contains a DTD or an entity declaration, which workbooks never need;"
                        + " the file was not read (XML entity expansion and external entities are refused)");
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                countName(xml.getLocalName());
                for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                    countName(xml.getAttributeLocalName(i));
                }
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                ended = true;
            }
            return ev;
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
    }

    private void countName(String n) {
        if (names.size() < MAX_NAMES) {
            names.add(n);
        } else if (!names.contains(n)) {
            throw new InputRejected("zip entry " + name + " uses more than " + String.format(Locale.ROOT, "%,d",
                    MAX_NAMES) + " distinct XML names, far more than any workbook needs; the file was not read");
        }
    }

    String elementText() {
        try {
            return xml.getElementText();
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
    }

    /** Skips the element just started, with everything in it. */
    void skip() {
        int depth = 1;
        while (depth > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }

    /** Appends the text of {@code <t>} elements inside the current element, leaving out phonetic runs. */
    void richText(String end, StringBuilder sb) {
        int depth = 1;
        while (depth > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = xml.getLocalName();
                if ("t".equals(n)) {
                    sb.append(elementText());
                } else if ("rPh".equals(n) || "phoneticPr".equals(n)) {
                    skip();
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new InputRejected("has a damaged XML part (it ends inside <" + end + ">)");
            }
        }
    }

    private static RuntimeException damaged(XMLStreamException e) {
        InputRejected inner = InputRejectedCause.find(e);
        if (inner != null) {
            return inner;
        }
        String m = firstLine(e);
        if (m.contains("DOCTYPE") || m.toLowerCase(Locale.ROOT).contains("entity")) {
            return new InputRejected("contains a DTD or an entity reference, which workbooks never need;"
                    + " the file was not read (XML entity expansion and external entities are refused)");
        }
        return new InputRejected("has damaged XML (" + m + "); the file was not read");
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }

    /**
     * Closes the part; one read to its end is drained first, so the size and CRC-32 checks of the
     * zip entry run (trailing white space is all that is left). A part left early is not drained.
     */
    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing the stream below is what matters
        }
        try {
            if (ended) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new InputRejected("cannot be read: " + e.getMessage());
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
