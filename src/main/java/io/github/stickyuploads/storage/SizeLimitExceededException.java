package io.github.stickyuploads.storage;

import io.github.stickyuploads.config.DataSize;
import java.io.IOException;

/**
 * Thrown by the content stream handed to {@link UploadStorage#store} as soon as the upload grows past
 * the configured limit; the storage lets it through and keeps nothing. Answered with 413.
 *
 * @since 0.1
 */
public class SizeLimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    private final DataSize limit;

    /** @param limit the size that was exceeded */
    public SizeLimitExceededException(DataSize limit) {
        super("The upload is larger than " + limit);
        this.limit = limit;
    }

    /** @return the size that was exceeded */
    public DataSize limit() {
        return limit;
    }
}
