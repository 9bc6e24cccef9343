package io.github.stickyuploads.internal.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Names the media type of an upload from its first bytes with Apache Tika's magic database; the client's
 * declared {@code Content-Type} is never consulted and its file name cannot widen what the bytes say.
 *
 * <ul>
 * <li>Bytes without a signature are {@code application/octet-stream}, and text without one {@code text/plain},
 * whatever the name: 4 KB of zeros named {@code cv.pdf} are not a PDF, and {@code notes.ini} is plain text.</li>
 * <li>The name may only refine a format whose signature the bytes carry into one of its registered
 * specialisations that has no signature of its own: an OOXML package named {@code cv.docx} is a Word document.
 * A specialisation with a signature that the bytes lack is never taken from a name: a plain ZIP named
 * {@code cv.docx} stays {@code application/zip}.</li>
 * </ul>
 * The detector is built once; detection looks at the first {@link #readLimit()} bytes, which the caller reads
 * into an array of its own so that the rest of the file streams on without passing through a buffer again.
 */
public final class ContentSniffer {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes(ContentSniffer.class.getClassLoader());
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
    private static final Metadata NO_HINTS = new Metadata();

    private ContentSniffer() {
    }

    /** @return how many leading bytes detection looks at: a longer prefix changes nothing */
    public static int readLimit() {
        return TYPES.getMinLength();
    }

    /**
     * @param prefix the first bytes of the file
     * @param length how many of them there are: the file's size when it is shorter than {@link #readLimit()}
     * @param filename the sanitised client name, which may refine a format the bytes established
     * @return the media type without parameters, e.g. {@code application/pdf}
     */
    public static String sniff(byte[] prefix, int length, String filename) {
        MediaType byBytes;
        try {
            byBytes = TYPES.detect(new ByteArrayInputStream(prefix, 0, length), NO_HINTS).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException("An array cannot fail to be read", e);
        }
        return refinedByName(byBytes, filename).toString();
    }

    private static MediaType refinedByName(MediaType byBytes, String filename) {
        if (byBytes.equals(MediaType.OCTET_STREAM) || byBytes.equals(MediaType.TEXT_PLAIN)) {
            return byBytes; // no signature: a name could make these anything
        }
        MediaType byName = TYPES.getMimeType(filename).getType().getBaseType();
        if (byName.equals(byBytes) || !REGISTRY.isSpecializationOf(byName, byBytes)) {
            return byBytes;
        }
        for (MediaType type = byName; type != null && !type.equals(byBytes); type = REGISTRY.getSupertype(type)) {
            if (hasSignature(type)) {
                return byBytes; // the bytes would have shown it if they were one
            }
        }
        return byName;
    }

    private static boolean hasSignature(MediaType type) {
        try {
            MimeType mimeType = TYPES.forName(type.toString());
            return mimeType.hasMagic();
        } catch (MimeTypeException e) {
            return true; // unknown: do not let a name decide
        }
    }
}
