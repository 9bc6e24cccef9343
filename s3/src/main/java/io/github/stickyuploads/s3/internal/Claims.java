package io.github.stickyuploads.s3.internal;

import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Deletes an upload exactly once. S3's DeleteObject succeeds whether or not the object was there, so it cannot tell
 * several deleting servers which one removed an upload; whoever deletes (a user's release, or a purge) therefore
 * first creates the upload's claim with a conditional PUT, and only the one caller whose PUT succeeded deletes.
 *
 * <p>Why this is exactly once, whatever the interleaving (every remover of an upload, a delete or a purge, goes
 * through the same claim, and nothing else ever deletes an upload that has no old claim):
 * <ul>
 * <li>Two callers that both saw the upload both try to create its claim; S3 lets one conditional PUT succeed and
 * answers the other 412, so one deletes and answers true, the other answers false.</li>
 * <li>A caller that looks after the upload is gone answers false without a claim.</li>
 * <li>A caller that looked while the upload was still there but claims after it is gone finds the winner's claim
 * (kept for a day, far longer than one call can take) and answers false. Were claims deleted at once, this caller
 * would win a second time: the reason they stay until the purge removes them.</li>
 * <li>A winner whose DeleteObject fails gives the claim back and throws: nobody answered true, and the upload is
 * still there for the next caller.</li>
 * </ul>
 */
public final class Claims {

    /** Attempts of a claim that Amazon S3 answers 409, because another PUT of the same key was under way. */
    private static final int CONFLICT_ATTEMPTS = 5;

    private final Bucket bucket;

    /** @param bucket where the uploads and their claims are */
    public Claims(Bucket bucket) {
        this.bucket = bucket;
    }

    /**
     * @return whether this call removed the upload of a valid id
     * @throws IOException when S3 cannot be changed
     */
    public boolean delete(String id) throws IOException {
        String key = bucket.layout().uploadKey(id);
        try {
            // Look first, so that an id that names nothing (forged, or long deleted) leaves no claim behind. Between
            // this look and the claim another caller may delete the upload; its claim is still there then, so this
            // caller's claim fails and it answers false.
            if (bucket.head(key).isEmpty() || !claim(id)) {
                return false;
            }
            deleteClaimed(id, key);
            return true;
        } catch (RuntimeException e) {
            throw S3Failures.asIOException("delete an upload", e);
        }
    }

    /**
     * Creates the upload's claim; true for the one caller whose PUT created it. The claim carries a random token, so
     * that a caller whose PUT succeeded but whose answer was lost (the SDK then retries, and the retry meets its own
     * claim: 412) still knows that it won, and nobody else may think so.
     */
    boolean claim(String id) {
        String token = Layout.newRandom();
        String claimKey = bucket.layout().claimKey(id);
        for (int attempt = 1; ; attempt++) {
            try {
                bucket.putIfAbsent(claimKey, Map.of(ObjectMetadata.CLAIM_TOKEN, token));
                return true;
            } catch (AwsServiceException e) {
                if (e.statusCode() == 412) {
                    return bucket.head(claimKey).map(head -> token.equals(head.metadata().get(ObjectMetadata.CLAIM_TOKEN)))
                            .orElse(false);
                }
                // 409 ConditionalRequestConflict: Amazon S3 was writing another PUT of the same key; one of them wins,
                // so ask again until the answer is 200 or 412.
                if (e.statusCode() != 409 || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                pause(attempt * 50L);
            }
        }
    }

    /** Deletes a claimed upload; should that fail, gives the claim back, so that a later delete can win it. */
    void deleteClaimed(String id, String key) {
        try {
            bucket.s3().deleteObject(b -> b.bucket(bucket.name()).key(key));
        } catch (RuntimeException e) {
            // Giving the claim back is safe: nobody answered true, and whoever looks next either finds the upload
            // (and may claim it) or does not (and answers false).
            bucket.deleteQuietly(bucket.layout().claimKey(id), e);
            throw e;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("Interrupted while waiting to claim an upload", e);
        }
    }
}
