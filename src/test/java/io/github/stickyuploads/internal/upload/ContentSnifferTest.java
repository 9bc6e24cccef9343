package io.github.stickyuploads.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452");
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXE = HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b800000000000000"
            + "400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21");

    @Test
    void judgesByTheBytesNotTheName() throws IOException {
        assertEquals("application/pdf", sniff(PDF, "cv.pdf"));
        assertEquals("image/png", sniff(PNG, "cv.pdf"), "PNG bytes named .pdf");
        assertEquals("application/x-msdownload", sniff(EXE, "cv.pdf"), "an executable named .pdf");
        assertEquals("text/plain", sniff("just words".getBytes(StandardCharsets.US_ASCII), "cv.pdf"), "text named .pdf");
    }

    @Test
    void bytesWithoutASignatureAreOctetStreamOrPlainTextWhateverTheirName() throws IOException {
        byte[] random = new byte[4096];
        new java.util.Random(3).nextBytes(random);
        assertEquals("application/octet-stream", sniff(new byte[4096], "cv.pdf"), "zeros named .pdf");
        assertEquals("application/octet-stream", sniff(random, "cv.pdf"), "random bytes named .pdf");
        assertEquals("application/octet-stream", sniff(random, "cv.docx"));
        assertEquals("application/octet-stream", sniff(new byte[] {0, 1, 2, 3, (byte) 0xff}, "blob"));
        assertEquals("text/plain", sniff("[section]\nkey=value\n".getBytes(StandardCharsets.US_ASCII), "x.ini"), "text named .ini");
        assertEquals("text/plain", sniff("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), "data.csv"), "text named .csv");
        assertEquals("text/plain", sniff("just words".getBytes(StandardCharsets.US_ASCII), "cv.html"));
    }

    @Test
    void theNameRefinesOnlyAFormatTheBytesCarryIntoOneWithoutASignatureOfItsOwn() throws IOException {
        byte[] ooxml = zip("[Content_Types].xml", "word/document.xml");
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", sniff(ooxml, "cv.docx"),
                "an OOXML package named .docx is a Word document");
        assertEquals("application/x-tika-ooxml", sniff(ooxml, "cv.pdf"), "a name outside the family changes nothing");
        byte[] plainZip = zip("notes.txt");
        assertEquals("application/zip", sniff(plainZip, "cv.docx"), "a plain ZIP named .docx lacks the OOXML signature");
        assertEquals("application/zip", sniff(plainZip, "archive.zip"));
    }

    private static byte[] zip(String... entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void looksOnlyAtTheGivenLength() {
        byte[] pdfThenZeros = Arrays.copyOf(PDF, ContentSniffer.readLimit());
        assertEquals("application/pdf", ContentSniffer.sniff(pdfThenZeros, PDF.length, "cv.pdf"));
        assertEquals("application/octet-stream", ContentSniffer.sniff(new byte[4096], 4096, "cv.pdf"));
        assertEquals("text/plain", ContentSniffer.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 3, "cv.pdf"));
    }

    private static String sniff(byte[] bytes, String name) {
        return ContentSniffer.sniff(bytes, Math.min(bytes.length, ContentSniffer.readLimit()), name);
    }
}
