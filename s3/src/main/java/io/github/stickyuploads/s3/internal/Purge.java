package io.github.stickyuploads.s3.internal;

import io.github.stickyuploads.storage.ExpiredUpload;
import io.github.stickyuploads.storage.UploadMetadata;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Removes what expired, from one listing of the prefix: each expired upload is claimed like a delete (so that of
 * several purging servers one reports it), its metadata read with a HEAD, and deleted. Also removes old claims,
 * probes left by a startup check that stopped half-way, and aborts abandoned multipart uploads. A failure on one
 * upload is logged and the purge goes on, so that what it removed is always reported.
 */
public final class Purge {

    /** The storage's logger, whichever of its classes logs. */
    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads.s3");
    /** A claim older than this whose upload is still there was left by a deleter that failed half-way. */
    private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(10);
    /** DeleteObjects takes at most 1,000 keys. */
    private static final int DELETE_BATCH = 1_000;

    private final Bucket bucket;
    private final Claims claims;
    private final Duration claimLifetime;
    private final Duration abandonedUpload;

    /**
     * @param bucket where the uploads are
     * @param claims how an upload is deleted exactly once
     * @param claimLifetime how long a claim must stay before it may go
     * @param abandonedUpload how old an unfinished multipart upload must be before it is aborted
     */
    public Purge(Bucket bucket, Claims claims, Duration claimLifetime, Duration abandonedUpload) {
        this.bucket = bucket;
        this.claims = claims;
        this.claimLifetime = claimLifetime;
        this.abandonedUpload = abandonedUpload;
    }

    /**
     * @return the uploads this call removed
     * @throws IOException when S3 cannot be listed
     */
    public List<ExpiredUpload> purgeExpired(Instant now) throws IOException {
        S3Client s3 = bucket.s3();
        Listing listing;
        try {
            listing = list(s3, now);
        } catch (RuntimeException e) {
            throw S3Failures.asIOException("list uploads to purge", e);
        }
        List<ExpiredUpload> purged = new ArrayList<>();
        for (S3Object object : listing.expired()) {
            try {
                purgeUpload(s3, object.key(), listing.claims(), now).ifPresent(purged::add);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not purge the expired upload " + object.key() + ": " + e.getMessage(), e);
            }
        }
        deleteAll(s3, listing.stale());
        abortAbandonedUploads(s3, now.minus(abandonedUpload));
        return purged;
    }

    /**
     * What one listing of the prefix found.
     *
     * @param expired the uploads that expired
     * @param claims when each claim was made, by the id it claims
     * @param stale the claims and probes that may go
     */
    private record Listing(List<S3Object> expired, Map<String, Instant> claims, List<String> stale) {
    }

    private Listing list(S3Client s3, Instant now) {
        Layout layout = bucket.layout();
        Listing listing = new Listing(new ArrayList<>(), new HashMap<>(), new ArrayList<>());
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket.name()).prefix(layout.prefix())).contents()) {
            String key = object.key();
            Optional<String> id = layout.idOfUploadKey(key);
            if (id.isPresent()) {
                if (Layout.expires(id.get()).isBefore(now)) {
                    listing.expired().add(object);
                }
                continue;
            }
            Optional<String> claimed = layout.idOfClaimKey(key);
            Instant modified = Objects.requireNonNullElse(object.lastModified(), now);
            if (claimed.isPresent()) {
                listing.claims().put(claimed.get(), modified);
                if (modified.isBefore(now.minus(claimLifetime))) {
                    listing.stale().add(key);
                }
            } else if (layout.isProbeKey(key) && modified.isBefore(now.minus(abandonedUpload))) {
                listing.stale().add(key);
            }
        }
        return listing;
    }

    /** @return the expired upload, when this call claimed and removed it */
    private Optional<ExpiredUpload> purgeUpload(S3Client s3, String key, Map<String, Instant> claimed, Instant now) {
        String id = bucket.layout().idOfUploadKey(key).orElseThrow();
        Instant claimedAt = claimed.get(id);
        if (claimedAt != null) {
            // Someone is deleting it. If that began long ago, the deleter failed half-way (and could not give the
            // claim back): remove the upload, without reporting it, since the claim is the deleter's.
            if (claimedAt.isBefore(now.minus(ABANDONED_CLAIM))) {
                s3.deleteObject(b -> b.bucket(bucket.name()).key(key));
            }
            return Optional.empty();
        }
        Optional<HeadObjectResponse> head = bucket.head(key);
        if (head.isEmpty() || !claims.claim(id)) {
            return Optional.empty(); // deleted or purged by another caller since the listing
        }
        claims.deleteClaimed(id, key);
        Optional<UploadMetadata> metadata = ObjectMetadata.uploadMetadata(head.get().metadata());
        if (metadata.isEmpty()) {
            LOG.warning(() -> "Purged " + key + ", whose metadata is not the s3 storage's");
        }
        return metadata.map(known -> new ExpiredUpload(id, known, head.get().contentLength()));
    }

    private void deleteAll(S3Client s3, List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            try {
                s3.deleteObjects(b -> b.bucket(bucket.name()).delete(d -> d.objects(batch).quiet(true)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not delete " + batch.size() + " old claims and probes: " + e.getMessage(), e);
            }
        }
    }

    private void abortAbandonedUploads(S3Client s3, Instant before) {
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket.name())
                    .prefix(bucket.layout().prefix())).uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(before)) {
                    try {
                        s3.abortMultipartUpload(b -> b.bucket(bucket.name()).key(upload.key()).uploadId(upload.uploadId()));
                    } catch (NoSuchUploadException alreadyGone) {
                        // Another server's purge, or the upload's own abort.
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not abort abandoned multipart uploads: " + e.getMessage(), e);
        }
    }
}
