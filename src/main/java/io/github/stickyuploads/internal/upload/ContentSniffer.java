package io.github.stickyuploads.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Names the media type of an upload from its first bytes with Apache Tika's magic database. The client's
 * filename is only a hint where the bytes say no more than "text" or "binary": PNG bytes named
 * {@code cv.pdf} are {@code image/png}. The client's declared {@code Content-Type} is never consulted.
 */
public final class ContentSniffer {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes(ContentSniffer.class.getClassLoader());

    private ContentSniffer() {
    }

    /**
     * @return how many leading bytes detection may read; the stream must be able to
     *         {@link InputStream#reset()} that far
     */
    public static int readLimit() {
        return TYPES.getMinLength();
    }

    /**
     * @param content a stream that supports mark and reset, left at its start
     * @param filename the sanitised client name, a hint only
     * @return the media type without parameters, e.g. {@code application/pdf}
     * @throws IOException if the stream fails
     */
    public static String sniff(InputStream content, String filename) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        MediaType type = TYPES.detect(content, metadata);
        return type.getBaseType().toString();
    }
}
