package io.github.stickyuploads;

import java.time.Instant;

/**
 * What happened to a temporary upload, fired as a CDI event: {@link Stored} when the server kept a file,
 * {@link Released} when it was released (Remove, a replacing file, or {@link StickyFile#delete()}),
 * {@link Expired} when the purge removed it. Observe one kind, or all through this interface.
 *
 * <h2>Usage: scan every upload</h2>
 * <pre>
 * public void scan(&#64;Observes UploadEvent.Stored stored) {
 *     log.info(stored.owner() + " uploaded " + stored.filename() + ", " + stored.size() + " bytes");
 * }
 * </pre>
 * Observers run in the thread that caused the event (the upload request, the purge); a slow one slows it.
 *
 * @since 0.1
 */
public sealed interface UploadEvent {

    /**
     * @return the name of the storage that held it
     * @since 0.1
     */
    String storage();

    /**
     * @return the principal name of the user who uploaded it
     * @since 0.1
     */
    String owner();

    /**
     * @return the sanitised original file name
     * @since 0.1
     */
    String filename();

    /**
     * @return the media type sniffed from the bytes
     * @since 0.1
     */
    String contentType();

    /**
     * @return the number of bytes
     * @since 0.1
     */
    long size();

    /**
     * The server kept an upload.
     *
     * @param storage the storage's name
     * @param owner the uploader
     * @param filename the sanitised file name
     * @param contentType the sniffed type
     * @param size the bytes
     * @param sha256 the SHA-256 in hex
     * @param expires when it expires
     * @since 0.1
     */
    record Stored(String storage, String owner, String filename, String contentType, long size, String sha256,
                  Instant expires) implements UploadEvent {
    }

    /**
     * An upload was released before it expired.
     *
     * @param storage the storage's name
     * @param owner the uploader
     * @param filename the sanitised file name
     * @param contentType the sniffed type
     * @param size the bytes
     * @since 0.1
     */
    record Released(String storage, String owner, String filename, String contentType, long size) implements UploadEvent {
    }

    /**
     * The purge removed an upload that had expired.
     *
     * @param storage the storage's name
     * @param owner the uploader
     * @param filename the sanitised file name
     * @param contentType the sniffed type
     * @param size the bytes
     * @since 0.1
     */
    record Expired(String storage, String owner, String filename, String contentType, long size) implements UploadEvent {
    }
}
