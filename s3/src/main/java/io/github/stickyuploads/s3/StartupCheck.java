package io.github.stickyuploads.s3;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.s3.internal.Bucket;
import io.github.stickyuploads.s3.internal.S3Connection;
import io.github.stickyuploads.s3.internal.S3Failures;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The startup check of {@link S3Storage#verify()}: a HeadBucket, then a probe object under the prefix, put twice with
 * {@code If-None-Match: *} (the second put must be refused, or deletes could not be exactly once) and deleted. What
 * fails becomes a message that names the key to fix and S3's error code, never a secret.
 *
 * <p>Here beside {@link S3Config} rather than in the internal package: its messages name S3Config's keys, and the
 * internal package depends on nothing of this one.
 */
final class StartupCheck {

    /** The storage's logger, whichever of its classes logs. */
    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads.s3");
    /** Where the SDK's default chain looks for credentials, for the messages. */
    private static final String CREDENTIALS_CHAIN = "the AWS SDK's default credentials chain (the system properties "
            + "aws.accessKeyId and aws.secretAccessKey, the environment variables AWS_ACCESS_KEY_ID and "
            + "AWS_SECRET_ACCESS_KEY, web identity, ~/.aws/credentials, or the container's or instance's role)";
    private static final String CREDENTIALS_KEY = "AWS_ACCESS_KEY_ID";
    private static final String HEAD_BUCKET = "HeadBucket";

    private final S3Config settings;
    private final Bucket bucket;
    private final Supplier<S3Connection> connection;

    StartupCheck(S3Config settings, Bucket bucket, Supplier<S3Connection> connection) {
        this.settings = settings;
        this.bucket = bucket;
        this.connection = connection;
    }

    /** @throws InvalidConfigurationException naming the key to fix, when the bucket cannot be used as configured */
    void run() {
        S3Client s3 = connection.get().client();
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (RuntimeException e) {
            throw failure(HEAD_BUCKET, e, s3);
        }
        String probe = bucket.layout().newProbeKey();
        try {
            bucket.putIfAbsent(probe, Map.of());
            boolean secondPutRefused;
            try {
                bucket.putIfAbsent(probe, Map.of());
                secondPutRefused = false;
            } catch (AwsServiceException e) {
                if (e.statusCode() != 412) {
                    throw e;
                }
                secondPutRefused = true;
            }
            s3.deleteObject(b -> b.bucket(settings.bucket()).key(probe));
            if (!secondPutRefused) {
                throw new InvalidConfigurationException(S3Config.ENDPOINT, "the S3 service at " + where()
                        + " ignores conditional writes (If-None-Match: *): a second put of the probe object " + probe
                        + " succeeded; the s3 storage needs them so that an upload is deleted exactly once");
            }
        } catch (InvalidConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure("PutObject/DeleteObject of the probe " + probe, e, s3);
        }
        LOG.info(() -> "The s3 storage is ready: " + settings);
    }

    /** Turns what the check met into a message that names the key to fix, and S3's code. */
    private InvalidConfigurationException failure(String operation, RuntimeException e, S3Client s3) {
        String where = where();
        boolean headBucket = operation.equals(HEAD_BUCKET);
        if (e instanceof NoSuchBucketException || (e instanceof AwsServiceException service && service.statusCode() == 404
                && headBucket)) {
            return new InvalidConfigurationException(S3Config.BUCKET, "the bucket '" + settings.bucket()
                    + "' does not exist at " + where + " (" + operation + ": " + S3Failures.code(e) + ")");
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = S3Failures.code(e);
            if (status == 403 && code.startsWith("403") && headBucket) {
                code = errorCodeOfAList(s3).orElse(code); // a HEAD answer has no body, so no code: ask once more
            }
            if (status == 403) {
                return new InvalidConfigurationException(CREDENTIALS_KEY, "S3 at " + where + " refused the credentials"
                        + connection.get().accessKeyId().map(id -> " of the access key " + id).orElse("")
                        + " for the bucket '" + settings.bucket() + "' (" + operation + ": " + code
                        + "); they come from " + CREDENTIALS_CHAIN + ", and need s3:ListBucket on the bucket and "
                        + "s3:GetObject, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload and "
                        + "s3:ListBucketMultipartUploads under the prefix '" + settings.prefix() + "'");
            }
            if (status == 301 || status == 307 || "AuthorizationHeaderMalformed".equals(code)) {
                return new InvalidConfigurationException(S3Config.REGION, "the bucket '" + settings.bucket()
                        + "' is not in the region this storage used at " + where + " (" + operation + ": " + code
                        + "); set " + S3Config.REGION + " to the bucket's region");
            }
            if (status == 501 || "NotImplemented".equals(code)) {
                return new InvalidConfigurationException(S3Config.ENDPOINT, "the S3 service at " + where
                        + " lacks an operation the s3 storage needs (" + operation + ": " + code
                        + "); it needs conditional writes (PutObject with If-None-Match: *) and multipart uploads");
            }
            return new InvalidConfigurationException(S3Config.ENDPOINT, "the S3 service at " + where
                    + " failed the startup check (" + operation + ": " + code + ")");
        }
        if (e instanceof SdkClientException && !isUnreachable(e) && String.valueOf(e.getMessage()).contains("credentials")) {
            return new InvalidConfigurationException(CREDENTIALS_KEY, "no AWS credentials were found in "
                    + CREDENTIALS_CHAIN + " (" + operation + ")");
        }
        return new InvalidConfigurationException(S3Config.ENDPOINT, "cannot reach the S3 service at " + where + " ("
                + operation + ": " + e.getMessage() + "); check " + S3Config.ENDPOINT + " and " + S3Config.REGION);
    }

    private Optional<String> errorCodeOfAList(S3Client s3) {
        try {
            s3.listObjectsV2(b -> b.bucket(settings.bucket()).prefix(settings.prefix()).maxKeys(1));
            return Optional.empty();
        } catch (AwsServiceException e) {
            return Optional.of(S3Failures.code(e));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String where() {
        return settings.endpoint().map(URI::toString).orElse("Amazon S3")
                + settings.region().map(region -> " (region " + region + ")").orElse("");
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
