package io.github.stickyuploads.internal.upload;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.storage.SizeLimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.input.ProxyInputStream;

/**
 * The client's bytes on their way to a storage: throws {@link SizeLimitExceededException} as soon as more
 * than the limit has been read, and marks a failure of the client's connection as a
 * {@link ClientAbortException}, so that neither is mistaken for a storage failure.
 */
public final class UploadInputStream extends ProxyInputStream {

    private final DataSize limit;
    private long count;

    /**
     * @param client the part's stream
     * @param limit the largest accepted size
     */
    public UploadInputStream(InputStream client, DataSize limit) {
        super(client);
        this.limit = limit;
    }

    @Override
    protected void afterRead(int n) throws IOException {
        if (n > 0) {
            count += n;
            if (count > limit.bytes()) {
                throw new SizeLimitExceededException(limit);
            }
        }
    }

    @Override
    protected void handleIOException(IOException e) throws IOException {
        throw e instanceof SizeLimitExceededException ? e : new ClientAbortException(e);
    }

    /** The client's connection failed while its upload was read. */
    public static final class ClientAbortException extends IOException {

        private static final long serialVersionUID = 1L;

        ClientAbortException(IOException cause) {
            super("The client's upload stopped: " + cause.getMessage(), cause);
        }
    }
}
