package io.github.stickyuploads.storage;

import java.io.IOException;

/**
 * A storage has no room left for an upload (a full disk, a quota of the database). Answered with 507;
 * any other {@link IOException} of a storage is answered with 503.
 *
 * @since 0.1
 */
public class InsufficientStorageException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what ran out
     * @param cause the storage's own error
     * @since 0.1
     */
    public InsufficientStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
