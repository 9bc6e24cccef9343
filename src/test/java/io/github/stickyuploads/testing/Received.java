package io.github.stickyuploads.testing;

import io.github.stickyuploads.StickyFile;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What the test applications report about a file they received: its bytes as read back, not as claimed. */
public final class Received {

    private Received() {
    }

    /** @return "Received cv.pdf (123 bytes, SHA-256 …)", with the digest of the bytes read */
    public static String line(StickyFile file) throws IOException {
        return "Received " + file.filename() + " (" + file.size() + " bytes, SHA-256 " + sha256(file) + ")";
    }

    /** @return the SHA-256 of the bytes read from the file, in hex */
    public static String sha256(StickyFile file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(file.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
