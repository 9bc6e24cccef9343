package io.github.stickyuploads.s3.internal;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** How failures of S3, or of the way to it, are told: to the library, and in messages. */
public final class S3Failures {

    private S3Failures() {
    }

    /** @return the failure as the IOException the library answers with 503 */
    public static IOException asIOException(String action, RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            return new IOException("S3 could not " + action + " (" + code(service) + "): " + service.getMessage(), e);
        }
        if (e instanceof SdkException) {
            return new IOException("Could not " + action + " in S3: " + e.getMessage(), e);
        }
        return new IOException("Could not " + action + " in S3: " + e, e);
    }

    /** @return "status code", e.g. "404 NoSuchBucket"; HEAD answers have no code; else the exception's class */
    public static String code(RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return service.statusCode() + (code == null || code.isBlank() ? "" : " " + code);
        }
        return e.getClass().getSimpleName();
    }
}
