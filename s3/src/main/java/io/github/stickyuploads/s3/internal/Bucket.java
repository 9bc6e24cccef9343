package io.github.stickyuploads.s3.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The bucket of the uploads, the layout of this storage's keys in it, and the requests on it that several parts of
 * the storage make. The client comes from a supplier that builds it on first use: an application that selected
 * another storage never builds one, and a closed storage refuses exactly where it would ask S3.
 */
public final class Bucket {

    private final String name;
    private final Layout layout;
    private final Supplier<S3Client> client;

    /**
     * @param name the bucket
     * @param layout where this storage keeps what in it
     * @param client the client, built when first asked for
     */
    public Bucket(String name, Layout layout, Supplier<S3Client> client) {
        this.name = name;
        this.layout = layout;
        this.client = client;
    }

    /** @return the bucket's name, for requests */
    public String name() {
        return name;
    }

    /** @return where this storage keeps what in the bucket */
    public Layout layout() {
        return layout;
    }

    /** @return the client */
    public S3Client s3() {
        return client.get();
    }

    /** @return S3's answer, empty when S3 has no such key (a 404, with or without a NoSuchKey body: HEAD has none) */
    public static <T> Optional<T> unlessMissing(Supplier<T> request) {
        try {
            return Optional.of(request.get());
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return the object's size and metadata, empty when it is not there */
    public Optional<HeadObjectResponse> head(String key) {
        S3Client s3 = s3();
        return unlessMissing(() -> s3.headObject(b -> b.bucket(name).key(key)));
    }

    /** Creates an empty object unless the key exists: S3 lets one such PUT succeed and answers the others 412. */
    public void putIfAbsent(String key, Map<String, String> metadata) {
        s3().putObject(b -> b.bucket(name).key(key).ifNoneMatch("*").metadata(metadata).contentLength(0L),
                RequestBody.empty());
    }

    /** Deletes what a failure may have left, adding the delete's own failure to it rather than hiding the first. */
    public void deleteQuietly(String key, Throwable failure) {
        withInterruptSetAside(() -> {
            try {
                s3().deleteObject(b -> b.bucket(name).key(key));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        });
    }

    /**
     * Runs a clean-up with the thread's interrupt put aside, and restored after: when the interrupt was the failure,
     * the SDK would refuse to send the very requests that leave nothing behind.
     */
    public static void withInterruptSetAside(Runnable cleanUp) {
        boolean interrupted = Thread.interrupted();
        try {
            cleanUp.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
