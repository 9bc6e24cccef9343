package io.github.stickyuploads.s3.internal;

import io.github.stickyuploads.storage.OwnerUsage;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What an owner's live uploads take, from one listing of the owner's prefix (one request per 1,000 uploads) and no
 * HEAD: the expiry is in each key, the size in the listing.
 */
public final class UsageListing {

    private final Bucket bucket;

    /** @param bucket where the uploads are */
    public UsageListing(Bucket bucket) {
        this.bucket = bucket;
    }

    /**
     * @return the owner's uploads that have not expired before {@code now}
     * @throws IOException when S3 cannot be listed
     */
    public OwnerUsage usage(String owner, Instant now) throws IOException {
        Layout layout = bucket.layout();
        long files = 0;
        long bytes = 0;
        try {
            for (S3Object object : bucket.s3().listObjectsV2Paginator(b -> b.bucket(bucket.name())
                    .prefix(layout.ownerPrefix(owner))).contents()) {
                Optional<String> id = layout.idOfUploadKey(object.key());
                if (id.isPresent() && !Layout.expires(id.get()).isBefore(now)) {
                    files++;
                    bytes += Objects.requireNonNullElse(object.size(), 0L);
                }
            }
        } catch (RuntimeException e) {
            throw S3Failures.asIOException("count a user's uploads", e);
        }
        return new OwnerUsage(files, bytes);
    }
}
