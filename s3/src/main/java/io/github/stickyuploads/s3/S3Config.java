package io.github.stickyuploads.s3;

import io.github.stickyuploads.config.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The settings of the {@code s3} storage ({@link S3Storage}), read from MicroProfile Config like the library's own
 * ({@link io.github.stickyuploads.config.StickyUploadsConfig}): in the application's
 * {@code META-INF/microprofile-config.properties}, as system properties, or as environment variables
 * ({@code STICKYUPLOADS_S3_BUCKET} for {@code stickyuploads.s3.bucket}).
 *
 * <h2>Configuration</h2>
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th></tr>
 * <tr><td>{@value #BUCKET}</td><td>none: required</td></tr>
 * <tr><td>{@value #PREFIX}</td><td>{@value #DEFAULT_PREFIX}</td></tr>
 * <tr><td>{@value #ENDPOINT}</td><td>none: Amazon S3 of the region</td></tr>
 * <tr><td>{@value #REGION}</td><td>the AWS SDK's default region chain ({@code aws.region}, {@code AWS_REGION},
 * {@code ~/.aws/config}, EC2 metadata), else {@value #DEFAULT_REGION}</td></tr>
 * <tr><td>{@value #PATH_STYLE}</td><td>{@value #DEFAULT_PATH_STYLE}</td></tr>
 * </table>
 * The credentials are not configured here: they come from the AWS SDK's default chain only (the system properties
 * {@code aws.accessKeyId} and {@code aws.secretAccessKey}, the environment variables {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY}, web identity, {@code ~/.aws/credentials}, the container or instance role). A value
 * this storage cannot use stops the deployment with an {@link InvalidConfigurationException} naming the key.
 *
 * <h2>Usage</h2>
 * <pre>
 * stickyuploads.storage=s3
 * stickyuploads.s3.bucket=my-app-uploads
 * stickyuploads.s3.prefix=sticky-uploads/
 * # an S3-compatible service instead of Amazon S3:
 * stickyuploads.s3.endpoint=https://minio.internal:9000
 * stickyuploads.s3.region=us-east-1
 * stickyuploads.s3.path-style=true
 * </pre>
 * or in code, e.g. in a test:
 * <pre>
 * S3Config settings = S3Config.from(key -&gt; Optional.ofNullable(Map.of(S3Config.BUCKET, "uploads").get(key)));
 * </pre>
 *
 * @since 0.1
 */
public final class S3Config {

    /**
     * The bucket that keeps the uploads; it must exist. Required.
     *
     * @since 0.1
     */
    public static final String BUCKET = "stickyuploads.s3.bucket";
    /**
     * The key prefix under which this storage keeps everything: uploads, claims of deleted uploads and its startup
     * probe. Empty, or ending in {@code /}; nothing else may be written under it.
     *
     * @since 0.1
     */
    public static final String PREFIX = "stickyuploads.s3.prefix";
    /**
     * The URL of an S3-compatible service (MinIO, Ceph, Garage, S3Proxy...), e.g. {@code https://minio.internal:9000};
     * unset for Amazon S3.
     *
     * @since 0.1
     */
    public static final String ENDPOINT = "stickyuploads.s3.endpoint";
    /**
     * The region of the bucket, e.g. {@code eu-central-1}.
     *
     * @since 0.1
     */
    public static final String REGION = "stickyuploads.s3.region";
    /**
     * Whether the bucket is addressed in the path ({@code https://host/bucket/key}, {@code true}) rather than in the
     * host name ({@code https://bucket.host/key}, {@code false}); most S3-compatible services on one host want
     * {@code true}.
     *
     * @since 0.1
     */
    public static final String PATH_STYLE = "stickyuploads.s3.path-style";

    /**
     * Default of {@value #PREFIX}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_PREFIX = "sticky-uploads/";
    /**
     * Default of {@value #PATH_STYLE}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_PATH_STYLE = "false";
    /**
     * The region used when neither {@value #REGION} nor the AWS SDK's default chain names one.
     *
     * @since 0.1
     */
    public static final String DEFAULT_REGION = "us-east-1";

    /** S3 keys have at most 1,024 UTF-8 bytes; this storage appends at most 100 to the prefix. */
    private static final int MAX_PREFIX_BYTES = 900;

    private final String bucket;
    private final String prefix;
    private final Optional<URI> endpoint;
    private final Optional<String> region;
    private final boolean pathStyle;

    private S3Config(Function<String, Optional<String>> source) {
        bucket = bucket(valueOf(source, BUCKET).orElseThrow(() -> new InvalidConfigurationException(BUCKET,
                "name the bucket that keeps the uploads (the s3 storage needs one; set " + BUCKET
                        + " or STICKYUPLOADS_S3_BUCKET)")));
        // Set but empty is a prefix too: the whole bucket.
        prefix = prefix(source.apply(PREFIX).map(String::trim).orElse(DEFAULT_PREFIX));
        endpoint = valueOf(source, ENDPOINT).map(S3Config::endpoint);
        region = valueOf(source, REGION).map(S3Config::region);
        pathStyle = pathStyle(source.apply(PATH_STYLE).map(value -> value.trim().toLowerCase(Locale.ROOT))
                .orElse(DEFAULT_PATH_STYLE));
    }

    /** @return the trimmed value of the key, empty when it is not set or blank */
    private static Optional<String> valueOf(Function<String, Optional<String>> source, String key) {
        return source.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static String bucket(String value) {
        if (value.length() > 255 || !value.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidConfigurationException(BUCKET, "'" + value + "' is not a bucket name: use letters, digits, "
                    + "'.', '-' and '_' only");
        }
        return value;
    }

    private static String prefix(String value) {
        if (!value.isEmpty() && (!value.endsWith("/") || value.startsWith("/") || value.contains("//"))) {
            throw new InvalidConfigurationException(PREFIX, "'" + value + "' must be empty or end in '/', and neither "
                    + "start with '/' nor contain '//', e.g. " + DEFAULT_PREFIX);
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES
                || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidConfigurationException(PREFIX, "must have at most " + MAX_PREFIX_BYTES
                    + " UTF-8 bytes and no control characters");
        }
        return value;
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(value, "not an http(s) URL of a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            // A URL with a user part may carry a password: never repeat it.
            String shown = value.contains("@") ? "the value" : "'" + value + "'";
            throw new InvalidConfigurationException(ENDPOINT, shown + " is not the URL of an S3-compatible service, "
                    + "e.g. https://minio.internal:9000 (no user, query or fragment)");
        }
    }

    private static String region(String value) {
        if (!value.matches("[a-z0-9-]+")) {
            throw new InvalidConfigurationException(REGION, "'" + value + "' is not a region name, e.g. eu-central-1");
        }
        return value;
    }

    private static boolean pathStyle(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidConfigurationException(PATH_STYLE, "write true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * Reads and checks the settings from any source, e.g. a map in a test.
     *
     * @param source the raw value of a key, empty when it is not set
     * @return the settings
     * @throws InvalidConfigurationException if a value cannot be used, or {@value #BUCKET} is missing
     * @since 0.1
     */
    public static S3Config from(Function<String, Optional<String>> source) {
        return new S3Config(Objects.requireNonNull(source, "source"));
    }

    /**
     * Reads and checks the settings from the application's MicroProfile Config.
     *
     * @param config the application's configuration
     * @return the settings
     * @throws InvalidConfigurationException if a value cannot be used, or {@value #BUCKET} is missing
     * @since 0.1
     */
    public static S3Config from(Config config) {
        return from(key -> config.getOptionalValue(key, String.class));
    }

    /**
     * @return the bucket ({@value #BUCKET})
     * @since 0.1
     */
    public String bucket() {
        return bucket;
    }

    /**
     * @return the key prefix ({@value #PREFIX}): empty, or ending in {@code /}
     * @since 0.1
     */
    public String prefix() {
        return prefix;
    }

    /**
     * @return the URL of the S3-compatible service ({@value #ENDPOINT}), empty for Amazon S3
     * @since 0.1
     */
    public Optional<URI> endpoint() {
        return endpoint;
    }

    /**
     * @return the configured region ({@value #REGION}), empty to ask the AWS SDK's default chain
     * @since 0.1
     */
    public Optional<String> region() {
        return region;
    }

    /**
     * @return whether the bucket is addressed in the path ({@value #PATH_STYLE})
     * @since 0.1
     */
    public boolean pathStyle() {
        return pathStyle;
    }

    /**
     * @return the settings, for logs and messages (the configuration holds no secret)
     * @since 0.1
     */
    @Override
    public String toString() {
        return "bucket " + bucket + ", prefix '" + prefix + "', endpoint " + endpoint.map(URI::toString).orElse("Amazon S3")
                + ", region " + region.orElse("from the default chain") + (pathStyle ? ", path-style" : "");
    }
}
