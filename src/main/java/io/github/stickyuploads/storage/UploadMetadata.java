package io.github.stickyuploads.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * What the library knows about an upload before its bytes arrive, handed to {@link UploadStorage#store}.
 *
 * @param filename the sanitised base name the client gave (no directories, no control characters)
 * @param contentType the media type sniffed from the first bytes
 * @param owner the name of the user who uploads it
 * @param expires when the upload may be purged
 * @since 0.1
 */
public record UploadMetadata(String filename, String contentType, String owner, Instant expires) {

    /**
     * Checks that no field is null.
     *
     * @param filename the sanitised base name the client gave
     * @param contentType the media type sniffed from the first bytes
     * @param owner the name of the user who uploads it
     * @param expires when the upload may be purged
     * @since 0.1
     */
    public UploadMetadata {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
    }
}
