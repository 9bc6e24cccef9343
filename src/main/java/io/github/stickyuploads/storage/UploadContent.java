package io.github.stickyuploads.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The bytes of one upload on their way into a storage, measured as they pass: once the storage has read the
 * stream to its end, {@link #size()} and {@link #sha256()} tell what it received, so no storage counts or
 * hashes on its own. The library hands the storage a subclass that also enforces the size limit and notes
 * failures of the client's connection; a storage only reads, and need not tell its own failures from the
 * client's: the library knows which side failed.
 *
 * <h2>Usage: in a storage</h2>
 * <pre>
 * public StoredObject store(UploadContent content, UploadMetadata metadata) throws IOException {
 *     String id = newId();
 *     try (OutputStream out = open(id)) {
 *         content.transferTo(out);
 *     }
 *     recordSize(id, content.size());   // measured by the library
 *     return new StoredObject(id);
 * }
 * </pre>
 * <h2>Usage: in a storage's own tests</h2>
 * <pre>
 * StoredObject stored = storage.store(UploadContent.of(new ByteArrayInputStream(bytes)), metadata);
 * </pre>
 *
 * @since 0.1
 */
public class UploadContent extends InputStream {

    private final InputStream bytes;
    private final MessageDigest sha256;
    private long size;
    private boolean ended;
    private byte[] digest;

    /**
     * @param bytes the upload's bytes
     * @since 0.1
     */
    protected UploadContent(InputStream bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Measures a stream, e.g. in a storage's tests; it enforces no limit.
     *
     * @param bytes the upload's bytes
     * @return them as the content of an upload
     * @since 0.1
     */
    public static UploadContent of(InputStream bytes) {
        return new UploadContent(bytes);
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        int read = readFromSource(bytes, buffer, offset, length);
        if (read < 0) {
            ended = true;
        } else {
            sha256.update(buffer, offset, read);
            size += read;
            afterRead(size);
        }
        return read;
    }

    @Override
    public final long skip(long n) throws IOException {
        // Skipped bytes would be stored nowhere and measured nowhere: a storage reads everything.
        throw new IOException("A storage must read an upload's content, not skip it");
    }

    @Override
    public int available() throws IOException {
        return bytes.available();
    }

    /**
     * Reads from the source; the library's subclass notes failures of the client here.
     *
     * @param source the upload's bytes
     * @param buffer where to put them
     * @param offset the first index to fill
     * @param length how many bytes at most
     * @return the number of bytes read, or -1 at the end
     * @throws IOException if the source fails
     * @since 0.1
     */
    protected int readFromSource(InputStream source, byte[] buffer, int offset, int length) throws IOException {
        return source.read(buffer, offset, length);
    }

    /**
     * Called after every read that returned bytes; the library's subclass enforces the size limit here.
     *
     * @param total the bytes read so far
     * @throws IOException to stop the upload
     * @since 0.1
     */
    protected void afterRead(long total) throws IOException {
    }

    /**
     * @return whether the stream has been read to its end
     * @since 0.1
     */
    public final boolean isFullyRead() {
        return ended;
    }

    /**
     * @return the number of bytes of the upload
     * @throws IllegalStateException if the stream has not been read to its end yet
     * @since 0.1
     */
    public final long size() {
        requireEnd();
        return size;
    }

    /**
     * @return the SHA-256 of the upload's bytes (32 bytes)
     * @throws IllegalStateException if the stream has not been read to its end yet
     * @since 0.1
     */
    public final byte[] sha256() {
        requireEnd();
        if (digest == null) {
            digest = sha256.digest();
        }
        return digest.clone();
    }

    private void requireEnd() {
        if (!ended) {
            throw new IllegalStateException("The upload's content has not been read to its end");
        }
    }

    /**
     * Closing is the library's business: the storage's try-with-resources leaves the request's stream alone.
     *
     * @since 0.1
     */
    @Override
    public void close() {
    }
}
