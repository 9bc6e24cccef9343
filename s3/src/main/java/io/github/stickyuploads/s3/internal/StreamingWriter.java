package io.github.stickyuploads.s3.internal;

import io.github.stickyuploads.storage.StoredObject;
import io.github.stickyuploads.storage.UploadContent;
import io.github.stickyuploads.storage.UploadMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * Streams an upload into S3 as it arrives, through one buffer per upload: one PutObject when the whole file fits
 * the buffer, else a multipart upload in parts of its size. On any failure nothing remains: the multipart upload is
 * aborted, and an object that may have been written is deleted.
 */
public final class StreamingWriter {

    /** S3's limit of parts per multipart upload: with 8 MiB parts, uploads of up to 78 GiB. */
    private static final int MAX_PARTS = 10_000;

    private final Bucket bucket;
    private final int partSize;

    /**
     * @param bucket where the uploads go
     * @param partSize the size of the buffer and of the parts; S3 wants at least 5 MiB for every part but the last
     */
    public StreamingWriter(Bucket bucket, int partSize) {
        this.bucket = bucket;
        this.partSize = partSize;
    }

    /**
     * @return the id of the stored upload
     * @throws IOException when the content fails (rethrown as it is), or S3 does
     */
    public StoredObject store(UploadContent content, UploadMetadata metadata) throws IOException {
        S3Client s3 = bucket.s3();
        String id = Layout.newId(metadata.owner(), metadata.expires());
        String key = bucket.layout().uploadKey(id);
        Target target = new Target(s3, key, metadata.contentType(), ObjectMetadata.of(metadata));
        byte[] buffer = new byte[partSize];
        int length = content.readNBytes(buffer, 0, partSize);
        int next = length == partSize ? content.read() : -1;
        if (next < 0) {
            putWhole(target, buffer, length, content);
        } else {
            putInParts(target, buffer, length, next, content);
        }
        return new StoredObject(id);
    }

    /** The object an upload becomes. */
    private record Target(S3Client s3, String key, String contentType, Map<String, String> metadata) {
    }

    /** The whole upload is in the buffer and the content at its end: one PutObject. */
    private void putWhole(Target target, byte[] buffer, int length, UploadContent content) throws IOException {
        requireSize(content, length);
        try {
            target.s3().putObject(b -> b.bucket(bucket.name()).key(target.key()).contentType(target.contentType())
                    .metadata(target.metadata()).contentLength((long) length), body(buffer, length, target.contentType()));
        } catch (RuntimeException e) {
            // An answer lost on the way may hide a put that succeeded: nobody knows this key, so delete it to be sure.
            IOException failure = S3Failures.asIOException("store an upload", e);
            bucket.deleteQuietly(target.key(), failure);
            throw failure;
        }
    }

    /**
     * A multipart upload from the one buffer: each part is uploaded before the next is read into the same array, and
     * the sync client returns only when S3 has answered, so the SDK never reads a buffer that is being refilled (it
     * reads it twice over plain http, once for the SigV4 payload hash and once to send it, and again on a retry).
     */
    private void putInParts(Target target, byte[] buffer, int firstLength, int next, UploadContent content)
            throws IOException {
        S3Client s3 = target.s3();
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket.name()).key(target.key())
                    .contentType(target.contentType()).metadata(target.metadata())).uploadId();
        } catch (RuntimeException e) {
            throw S3Failures.asIOException("start a multipart upload", e);
        }
        boolean completing = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int length = firstLength;
            long sent = 0;
            while (true) {
                int number = parts.size() + 1;
                if (number > MAX_PARTS) {
                    throw new IOException("An upload may have at most " + MAX_PARTS + " parts of " + partSize + " bytes");
                }
                int partLength = length;
                String eTag = s3.uploadPart(b -> b.bucket(bucket.name()).key(target.key()).uploadId(uploadId)
                        .partNumber(number).contentLength((long) partLength),
                        body(buffer, partLength, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
                sent += partLength;
                if (next < 0) {
                    break;
                }
                buffer[0] = (byte) next;
                length = 1 + content.readNBytes(buffer, 1, partSize - 1);
                next = length == partSize ? content.read() : -1;
            }
            requireSize(content, sent);
            completing = true;
            s3.completeMultipartUpload(b -> b.bucket(bucket.name()).key(target.key()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            IOException failure = S3Failures.asIOException("store an upload", e);
            abandon(target, uploadId, completing, failure);
            throw failure;
        } catch (IOException | Error e) {
            abandon(target, uploadId, completing, e);
            throw e;
        }
    }

    /** The library measured the content; the storage must have stored exactly that many bytes. */
    private static void requireSize(UploadContent content, long stored) throws IOException {
        if (content.size() != stored) {
            throw new IOException("The s3 storage read " + stored + " bytes of an upload of " + content.size());
        }
    }

    /**
     * Leaves nothing of a failed multipart upload: aborts it, and deletes the object when the failure came during
     * CompleteMultipartUpload (it may have completed).
     */
    private void abandon(Target target, String uploadId, boolean mayHaveCompleted, Throwable failure) {
        Bucket.withInterruptSetAside(() -> {
            try {
                target.s3().abortMultipartUpload(b -> b.bucket(bucket.name()).key(target.key()).uploadId(uploadId));
            } catch (NoSuchUploadException alreadyGone) {
                // Completed after all, or aborted by a purge.
            } catch (RuntimeException e) {
                failure.addSuppressed(e); // the purge aborts it after S3Storage.ABANDONED_UPLOAD
            } finally {
                if (mayHaveCompleted) {
                    bucket.deleteQuietly(target.key(), failure);
                }
            }
        });
    }

    /** The first {@code length} bytes of the buffer, without a copy; every stream the SDK asks for reads them anew. */
    private static RequestBody body(byte[] buffer, int length, String contentType) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, contentType);
    }
}
