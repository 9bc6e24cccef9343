package io.github.stickyuploads.internal.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.internal.multipart.MultipartParser.MalformedMultipartException;
import io.github.stickyuploads.internal.multipart.MultipartParser.Part;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartParserTest {

    private static final String BOUNDARY = "----sticky7MA4YWxk";

    @ParameterizedTest(name = "the body arrives {0} bytes at a time")
    @ValueSource(ints = {1, 7, 100, 65536})
    void handsOutEachPartWithItsExactBytes(int readSize) throws IOException {
        byte[] file = tricky(300_000);
        byte[] body = new Body().field("name", "Ada").file("upload", "cv.pdf", file).field("note", "x").end();

        List<Part> seen = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        MultipartParser parser = new MultipartParser(new Trickle(body, readSize), BOUNDARY);
        for (Optional<Part> part = parser.nextPart(); part.isPresent(); part = parser.nextPart()) {
            seen.add(part.get());
            contents.add(part.get().content().readAllBytes());
        }

        assertEquals(List.of("name", "upload", "note"), seen.stream().map(Part::fieldName).toList());
        assertEquals("cv.pdf", seen.get(1).filename());
        assertEquals(null, seen.get(0).filename());
        assertEquals("Ada", new String(contents.get(0), StandardCharsets.UTF_8));
        assertArrayEquals(file, contents.get(1));
    }

    @Test
    void skipsWhatIsLeftOfAPartThatWasNotRead() throws IOException {
        byte[] body = new Body().file("ignored", "a.bin", tricky(200_000)).file("upload", "b.txt", "second".getBytes()).end();
        MultipartParser parser = new MultipartParser(new Trickle(body, 1000), BOUNDARY);

        assertEquals('\r', parser.nextPart().orElseThrow().content().read());
        Part second = parser.nextPart().orElseThrow();

        assertEquals("b.txt", second.filename());
        assertEquals("second", new String(second.content().readAllBytes(), StandardCharsets.US_ASCII));
        assertTrue(parser.nextPart().isEmpty());
    }

    @Test
    void readsUtf8AndEncodedFilenames() throws IOException {
        String name = "Lebenslauf Müller – 履歴書.pdf";
        byte[] body = new Body().file("upload", name, new byte[] {1})
                .raw("Content-Disposition: form-data; name=\"upload\"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf\r\n\r\nx")
                .end();
        MultipartParser parser = new MultipartParser(new ByteArrayInputStream(body), BOUNDARY);

        assertEquals(name, parser.nextPart().orElseThrow().filename());
        assertEquals("Résumé.pdf", parser.nextPart().orElseThrow().filename());
    }

    @Test
    void refusesABodyThatEndsBeforeItsClosingBoundary() throws IOException {
        byte[] body = new Body().file("upload", "cv.pdf", tricky(100_000)).end();
        byte[] cut = java.util.Arrays.copyOf(body, 60_000);
        MultipartParser parser = new MultipartParser(new ByteArrayInputStream(cut), BOUNDARY);
        InputStream content = parser.nextPart().orElseThrow().content();

        assertThrows(MalformedMultipartException.class, content::readAllBytes);
    }

    @Test
    void refusesABodyWithoutTheBoundary() {
        byte[] body = "just some bytes, not multipart at all".getBytes(StandardCharsets.US_ASCII);
        MultipartParser parser = new MultipartParser(new ByteArrayInputStream(body), BOUNDARY);

        assertThrows(MalformedMultipartException.class, parser::nextPart);
    }

    @Test
    void refusesAHeaderBlockOverTheLimit() {
        String longName = "a".repeat(MultipartParser.MAX_PART_HEADER_BYTES);
        byte[] body = new Body().file("upload", longName, new byte[] {1}).end();
        MultipartParser parser = new MultipartParser(new ByteArrayInputStream(body), BOUNDARY);

        assertThrows(MalformedMultipartException.class, parser::nextPart);
    }

    @Test
    void refusesMorePartsThanTheLimit() throws IOException {
        Body many = new Body();
        for (int i = 0; i <= MultipartParser.MAX_PARTS; i++) {
            many.field("f" + i, "v");
        }
        MultipartParser parser = new MultipartParser(new ByteArrayInputStream(many.end()), BOUNDARY);

        IOException refused = assertThrows(MalformedMultipartException.class, () -> {
            while (parser.nextPart().isPresent()) {
                // Reads past every part it is allowed.
            }
        });
        assertTrue(refused.getMessage().contains("too many"), refused.getMessage());
    }

    @Test
    void findsTheBoundaryOfFormDataOnly() {
        assertEquals(Optional.of("abc"), MultipartParser.boundary("multipart/form-data; boundary=abc"));
        assertEquals(Optional.of("a b"), MultipartParser.boundary("Multipart/Form-Data; charset=UTF-8; boundary=\"a b\""));
        assertEquals(Optional.empty(), MultipartParser.boundary("multipart/form-data"));
        assertEquals(Optional.empty(), MultipartParser.boundary("multipart/mixed; boundary=abc"));
        assertEquals(Optional.empty(), MultipartParser.boundary("application/json"));
        assertEquals(Optional.empty(), MultipartParser.boundary(null));
        assertEquals(Optional.of("abc"), MultipartParser.boundary("multipart/form-data; BOUNDARY=abc"), "names in any case (RFC 2045)");
        assertEquals(Optional.of("abc"), MultipartParser.boundary("multipart/form-data; Boundary=\"abc\""));
        assertEquals(Optional.empty(), MultipartParser.boundary("multipart/form-data; boundary=\"abc"), "unterminated quote");
        assertEquals(Optional.empty(), MultipartParser.boundary("multipart/form-data; boundary = abc"), "spaces around =");
        assertEquals(Optional.empty(), MultipartParser.boundary("multipart/form-data; =x;"));
        assertEquals(Optional.empty(), MultipartParser.boundary("multipart/form-data; boundary=" + "b".repeat(71)), "over 70");
        assertEquals(Optional.empty(), MultipartParser.boundary("multipart/form-data; boundary=\"ends with space \""));
    }

    /** Random bytes sprinkled with line breaks, dashes and beginnings of the boundary. */
    private static byte[] tricky(int size) {
        byte[] bytes = new byte[size];
        Random random = new Random(7);
        random.nextBytes(bytes);
        byte[] almost = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + almost.length < size; at += 997 + random.nextInt(3000)) {
            System.arraycopy(almost, 0, bytes, at, random.nextInt(almost.length) + 1);
        }
        return bytes;
    }

    /** A multipart/form-data body. */
    private static final class Body {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Body field(String name, String value) {
            return raw("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value);
        }

        Body file(String name, String filename, byte[] content) {
            raw("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n");
            bytes.writeBytes(content);
            return this;
        }

        Body raw(String partStart) {
            bytes.writeBytes(("\r\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            bytes.writeBytes(partStart.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] end() {
            bytes.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] all = bytes.toByteArray();
            return java.util.Arrays.copyOfRange(all, 2, all.length); // the body starts with the first dashes
        }
    }

    /** A stream that hands out at most a few bytes per read, as a slow network does. */
    private static final class Trickle extends FilterInputStream {

        private final int most;

        Trickle(byte[] body, int most) {
            super(new ByteArrayInputStream(body));
            this.most = most;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            return super.read(target, offset, Math.min(length, most));
        }
    }
}
