package io.github.stickyuploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A file that a user uploaded in the background and that is kept in temporary storage until the
 * application claims it. Its name, size, type and digest were measured by the server when the bytes
 * arrived and are protected by the token's signature; none of them is taken from the client.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Inject StickyFiles stickyFiles;
 *
 * stickyFiles.find(token, request.getContextPath() + "/sticky-uploads/default").ifPresent(file -&gt; {
 *     file.transferTo(applicationsFolder.resolve(UUID.randomUUID() + ".pdf"));
 *     file.delete(); // release the temporary copy now rather than at expiry
 * });
 * </pre>
 *
 * @since 0.1
 */
public interface StickyFile {

    /**
     * @return the sanitised base name the user's file had, e.g. {@code cv.pdf}; never a path
     * @since 0.1
     */
    String filename();

    /**
     * @return the number of bytes
     * @since 0.1
     */
    long size();

    /**
     * @return the media type sniffed from the bytes, e.g. {@code application/pdf}
     * @since 0.1
     */
    String contentType();

    /**
     * @return the SHA-256 of the bytes, 64 lower-case hex digits
     * @since 0.1
     */
    String sha256();

    /**
     * @return the signed token that stands for this file, which a form carries (in its hidden input) to keep the
     *         file across a re-render; opaque and URL-safe
     * @since 0.1
     */
    String token();

    /**
     * @return when the temporary copy expires and may be purged
     * @since 0.1
     */
    Instant expires();

    /**
     * @return the bytes; the caller closes the stream
     * @throws UploadGoneException if the temporary copy is gone (released or expired)
     * @throws IOException if the temporary copy cannot be read
     * @since 0.1
     */
    InputStream openStream() throws IOException;

    /**
     * Copies the bytes to a file, replacing it if it exists.
     *
     * @param target where to write
     * @throws UploadGoneException if the temporary copy is gone (released or expired)
     * @throws IOException if the temporary copy cannot be read or the target written
     * @since 0.1
     */
    void transferTo(Path target) throws IOException;

    /**
     * Releases the temporary copy once the application has kept what it needs. Further reads fail and
     * the token gives no file any more; releasing it again does nothing.
     *
     * @throws IOException if the storage cannot be changed
     * @since 0.1
     */
    void delete() throws IOException;
}
