package no.tilskudd.format.pdf.internal;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;

/**
 * What makes the file PDF/A-2u as well as PDF/UA-1: the sRGB output intent, the document information and the XMP
 * metadata that repeats it with both identifications. OpenPDF knows PDF/A-1 only ({@code PdfWriter.PDFA1B}), and
 * outside that mode its {@code setOutputIntents} writes a PDF/X intent, so the PDF/A-2 intent and the XMP are built
 * here by hand.
 *
 * <p>The ICC profile is the sRGB profile of the Java runtime ({@code ICC_Profile.getInstance(ColorSpace.CS_sRGB)}),
 * part of OpenJDK under the GPL v2 with the Classpath Exception; it is read at run time and embedded in each PDF,
 * not shipped in this bundle.
 */
final class Archive {

    static final String ICC_IDENTIFIER = "sRGB IEC61966-2.1";

    private static final PdfName GTS_PDFA1 = new PdfName("GTS_PDFA1");
    private static final PdfName DEST_OUTPUT_PROFILE = new PdfName("DestOutputProfile");
    private static final PdfName OUTPUT_CONDITION_IDENTIFIER = new PdfName("OutputConditionIdentifier");
    private static final PdfName REGISTRY_NAME = new PdfName("RegistryName");

    /** The document facts, written once into the info dictionary and once into the XMP, so the two agree. */
    record Facts(String title, String subject, Optional<String> author, String creator, String language,
            Calendar created) {
    }

    private Archive() {
    }

    /** The sRGB output intent with its ICC profile, in the catalog; call once the document is open. */
    static void outputIntent(PdfWriter writer) throws IOException {
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PdfStream profile = new PdfStream(icc);
        profile.put(PdfName.N, new PdfNumber(3));
        profile.flateCompress();
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, GTS_PDFA1);
        intent.put(OUTPUT_CONDITION_IDENTIFIER, new PdfString(ICC_IDENTIFIER));
        intent.put(PdfName.INFO, new PdfString(ICC_IDENTIFIER));
        intent.put(REGISTRY_NAME, new PdfString("http://www.color.org"));
        intent.put(DEST_OUTPUT_PROFILE, writer.addToBody(profile).getIndirectReference());
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
    }

    /** Writes the facts into the info dictionary and sets the matching XMP packet. */
    static void metadata(PdfWriter writer, Facts facts) {
        PdfDictionary info = writer.getInfo();
        PdfDate date = new PdfDate(facts.created());
        info.put(PdfName.TITLE, new PdfString(facts.title(), PdfObject.TEXT_UNICODE));
        info.put(PdfName.SUBJECT, new PdfString(facts.subject(), PdfObject.TEXT_UNICODE));
        facts.author().ifPresent(a -> info.put(PdfName.AUTHOR, new PdfString(a, PdfObject.TEXT_UNICODE)));
        info.put(PdfName.CREATOR, new PdfString(facts.creator(), PdfObject.TEXT_UNICODE));
        info.put(PdfName.CREATIONDATE, date);
        info.put(PdfName.MODDATE, date);
        PdfObject producer = info.get(PdfName.PRODUCER);
        String producerText = producer instanceof PdfString s ? s.toUnicodeString() : "OpenPDF";
        info.put(PdfName.PRODUCER, new PdfString(producerText, PdfObject.TEXT_UNICODE));
        writer.setXmpMetadata(xmp(facts, producerText, date.getW3CDate()).getBytes(StandardCharsets.UTF_8));
    }

    /** The creation time of an export: now, to the second, in Norway's time zone. */
    static Calendar now() {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("Europe/Oslo"));
        c.set(Calendar.MILLISECOND, 0);
        return c;
    }

    static String xmp(Facts facts, String producer, String date) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\"")
                .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                .append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
                .append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
                .append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
                .append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"")
                .append(" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
                .append("<dc:format>application/pdf</dc:format>\n")
                .append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(facts.title()))
                .append("</rdf:li></rdf:Alt></dc:title>\n")
                .append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(facts.subject()))
                .append("</rdf:li></rdf:Alt></dc:description>\n");
        facts.author().ifPresent(a -> x.append("<dc:creator><rdf:Seq><rdf:li>").append(escape(a))
                .append("</rdf:li></rdf:Seq></dc:creator>\n"));
        x.append("<dc:language><rdf:Bag><rdf:li>").append(escape(facts.language()))
                .append("</rdf:li></rdf:Bag></dc:language>\n")
                .append("<xmp:CreatorTool>").append(escape(facts.creator())).append("</xmp:CreatorTool>\n")
                .append("<xmp:CreateDate>").append(date).append("</xmp:CreateDate>\n")
                .append("<xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>\n")
                .append("<xmp:MetadataDate>").append(date).append("</xmp:MetadataDate>\n")
                .append("<pdf:Producer>").append(escape(producer)).append("</pdf:Producer>\n")
                .append("<pdfaid:part>2</pdfaid:part>\n")
                .append("<pdfaid:conformance>U</pdfaid:conformance>\n")
                .append("<pdfuaid:part>1</pdfuaid:part>\n")
                // PDF/A-2 allows only the schemas of XMP itself unless a file describes the others: pdfuaid is one.
                .append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
                .append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n")
                .append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
                .append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
                .append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
                .append("<pdfaProperty:name>part</pdfaProperty:name>\n")
                .append("<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
                .append("<pdfaProperty:category>internal</pdfaProperty:category>\n")
                .append("<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed")
                .append("</pdfaProperty:description>\n")
                .append("</rdf:li></rdf:Seq></pdfaSchema:property>\n")
                .append("</rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
                .append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
        // Room to edit the packet in place, as XMP writers leave it.
        for (int i = 0; i < 20; i++) {
            x.append("                                                                                \n");
        }
        return x.append("<?xpacket end=\"w\"?>").toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 has no place for most control characters; a title never needs them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
