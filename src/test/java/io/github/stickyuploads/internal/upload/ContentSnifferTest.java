package io.github.stickyuploads.internal.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    void usesTheNameOnlyToRefineText() throws IOException {
        assertEquals("text/csv", sniff("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), "data.csv"));
        assertEquals("application/octet-stream", sniff(new byte[] {0, 1, 2, 3, (byte) 0xff}, "blob"));
    }

    @Test
    void leavesTheStreamAtItsStart() throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(PDF), ContentSniffer.readLimit() + 1);
        ContentSniffer.sniff(in, "cv.pdf");
        assertArrayEquals(PDF, in.readAllBytes());
    }

    private static String sniff(byte[] bytes, String name) throws IOException {
        return ContentSniffer.sniff(new BufferedInputStream(new ByteArrayInputStream(bytes)), name);
    }
}
