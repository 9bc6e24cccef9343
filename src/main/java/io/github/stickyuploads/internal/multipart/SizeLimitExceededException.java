package io.github.stickyuploads.internal.multipart;

import io.github.stickyuploads.config.DataSize;
import java.io.IOException;

/** Thrown by a client's stream as soon as more than its limit has been read from it. */
public final class SizeLimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient DataSize limit;

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
