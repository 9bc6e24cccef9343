package io.github.stickyuploads.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Files with real magic numbers, so that content sniffing has something to recognise. */
final class Samples {

    private Samples() {
    }

    static byte[] pdf(int size) {
        return padded("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n", size, "%%EOF\n");
    }

    static byte[] text(int size) {
        return padded("Dear hiring team,\n", size, "\n");
    }

    static byte[] png() {
        return HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");
    }

    static byte[] zip() {
        return HexFormat.of().parseHex("504b0304140000000000000000000000000000000000000000000000000000"
                + "504b0506000000000000000000000000000000000000");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] padded(String head, int size, String tail) {
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] end = tail.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[Math.max(size, start.length + end.length)];
        System.arraycopy(start, 0, bytes, 0, start.length);
        for (int i = start.length; i < bytes.length - end.length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        System.arraycopy(end, 0, bytes, bytes.length - end.length, end.length);
        return bytes;
    }
}
