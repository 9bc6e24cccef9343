package io.github.stickyuploads.internal.upload;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.internal.multipart.SizeLimitExceededException;
import io.github.stickyuploads.storage.UploadContent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A client's file on its way into a storage: measured like any {@link UploadContent}, stopped with a
 * {@link SizeLimitExceededException} as soon as it grows past its limit, and remembering the first failure on
 * the client's side (the limit, a client gone, a body that breaks the multipart format). Whatever a storage then
 * throws, the pipeline asks this stream whether the client failed before it blames the storage.
 */
final class ClientContent extends UploadContent {

    private final DataSize limit;
    private IOException clientFailure;

    /**
     * @param client the file's bytes as the client sends them
     * @param limit the largest accepted size
     */
    ClientContent(InputStream client, DataSize limit) {
        super(client);
        this.limit = limit;
    }

    @Override
    protected int readFromSource(InputStream source, byte[] buffer, int offset, int length) throws IOException {
        if (clientFailure != null) {
            throw clientFailure;
        }
        try {
            return source.read(buffer, offset, length);
        } catch (IOException e) {
            clientFailure = e;
            throw e;
        }
    }

    @Override
    protected void afterRead(long total) throws IOException {
        if (total > limit.bytes()) {
            clientFailure = new SizeLimitExceededException(limit);
            throw clientFailure;
        }
    }

    /** @return the client's failure, if reading the client's bytes failed */
    Optional<IOException> clientFailure() {
        return Optional.ofNullable(clientFailure);
    }
}
