package io.github.stickyuploads.internal.multipart;

import io.github.stickyuploads.config.DataSize;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may have at most so many bytes, however it is framed ({@code Content-Length} or chunked):
 * every byte counts, the text fields before a file as much as the file. Past the bound it throws
 * {@link SizeLimitExceededException}.
 */
public final class BoundedStream extends FilterInputStream {

    private final long bound;
    private final DataSize limit;
    private long count;

    /**
     * @param body the request body
     * @param bound the most bytes it may have
     * @param limit the limit to name when it has more
     */
    public BoundedStream(InputStream body, long bound, DataSize limit) {
        super(body);
        this.bound = bound;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    private void counted(int bytes) throws SizeLimitExceededException {
        count += bytes;
        if (count > bound) {
            throw new SizeLimitExceededException(limit);
        }
    }

    /** @return how many bytes have been read */
    public long count() {
        return count;
    }
}
