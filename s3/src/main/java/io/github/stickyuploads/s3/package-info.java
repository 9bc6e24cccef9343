/**
 * The {@code s3} storage of sticky-uploads: temporary uploads in an Amazon S3 bucket or on an S3-compatible
 * service, shared by every server of a cluster ({@link io.github.stickyuploads.s3.S3Storage}), and its settings
 * ({@link io.github.stickyuploads.s3.S3Config}). Add the one dependency
 * {@code io.github.stickyuploads:sticky-uploads-s3} to the application; it brings the library and the AWS SDK's S3
 * client along.
 *
 * <h2>Usage</h2>
 * In {@code META-INF/microprofile-config.properties} (or as environment variables, {@code STICKYUPLOADS_S3_BUCKET}):
 * <pre>
 * stickyuploads.storage=s3
 * stickyuploads.s3.bucket=my-app-uploads
 * stickyuploads.secret=...the same base64 key on every server...
 * </pre>
 * and the credentials where the AWS SDK's default chain finds them, e.g. {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY}.
 *
 * @since 0.1
 */
package io.github.stickyuploads.s3;
