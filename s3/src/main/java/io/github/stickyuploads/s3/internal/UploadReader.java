package io.github.stickyuploads.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads an upload of a valid id: its size from a HEAD, its bytes as S3 sends them; a missing object is no failure. */
public final class UploadReader {

    private final Bucket bucket;

    /** @param bucket where the uploads are */
    public UploadReader(Bucket bucket) {
        this.bucket = bucket;
    }

    /**
     * @return the size of the upload, empty when the object is gone
     * @throws IOException when S3 cannot be asked
     */
    public OptionalLong size(String id) throws IOException {
        try {
            return bucket.head(bucket.layout().uploadKey(id)).map(head -> OptionalLong.of(head.contentLength()))
                    .orElse(OptionalLong.empty());
        } catch (RuntimeException e) {
            throw S3Failures.asIOException("read an upload's size", e);
        }
    }

    /**
     * @return the upload's bytes, which the caller closes; empty when the object is gone
     * @throws IOException when S3 cannot be read
     */
    public Optional<InputStream> open(String id) throws IOException {
        String key = bucket.layout().uploadKey(id);
        try {
            return Bucket.unlessMissing(() -> bucket.s3().getObject(b -> b.bucket(bucket.name()).key(key)));
        } catch (RuntimeException e) {
            throw S3Failures.asIOException("read an upload", e);
        }
    }
}
