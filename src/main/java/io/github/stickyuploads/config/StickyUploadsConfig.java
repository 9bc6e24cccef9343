package io.github.stickyuploads.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;

/**
 * The library's settings, read once from MicroProfile Config when the application starts. Every key can
 * be set wherever MicroProfile Config looks: the application's
 * {@code META-INF/microprofile-config.properties}, a system property, or an environment variable
 * ({@code STICKYUPLOADS_MAX_SIZE} for {@code stickyuploads.max-size}).
 *
 * <h2>Configuration</h2>
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th></tr>
 * <tr><td>{@value #STORAGE}</td><td>{@value #DEFAULT_STORAGE}</td></tr>
 * <tr><td>{@value #SECRET}</td><td>generated once and kept in a 0600 file under {@value #TEMP_PATH}</td></tr>
 * <tr><td>{@value #PREVIOUS_SECRETS}</td><td>none</td></tr>
 * <tr><td>{@value #MAX_SIZE}</td><td>{@value #DEFAULT_MAX_SIZE}</td></tr>
 * <tr><td>{@value #ALLOWED_TYPES}</td><td>{@value #DEFAULT_ALLOWED_TYPES}</td></tr>
 * <tr><td>{@value #EXPIRY}</td><td>{@value #DEFAULT_EXPIRY}</td></tr>
 * <tr><td>{@value #CLEANUP_INTERVAL}</td><td>{@value #DEFAULT_CLEANUP_INTERVAL}</td></tr>
 * <tr><td>{@value #TEMP_PATH}</td><td>{@code ${java.io.tmpdir}/sticky-uploads/<application>}</td></tr>
 * <tr><td>{@value #APPLICATION}</td><td>the application's name ({@code java:app/AppName})</td></tr>
 * <tr><td>{@value #QUOTA_FILES}</td><td>{@value #DEFAULT_QUOTA_FILES}</td></tr>
 * <tr><td>{@value #QUOTA_BYTES}</td><td>{@value #DEFAULT_QUOTA_BYTES}</td></tr>
 * <tr><td>{@value #DIRECTORY_PATH}</td><td>none (required by the {@code directory} storage)</td></tr>
 * <tr><td>{@value #JDBC_DATASOURCE}</td><td>{@value #DEFAULT_JDBC_DATASOURCE}</td></tr>
 * <tr><td>{@value #MESSAGES}</td><td>none: the library's own texts</td></tr>
 * </table>
 * A value the library cannot use stops the deployment with an {@link InvalidConfigurationException}.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Inject StickyUploadsConfig config;
 * long limit = config.maxSize().bytes();
 * </pre>
 *
 * @since 0.1
 */
@ApplicationScoped
public class StickyUploadsConfig {

    /**
     * Which storage keeps temporary uploads: a built-in name or the {@code @Named} name of your own bean.
     *
     * @since 0.1
     */
    public static final String STORAGE = "stickyuploads.storage";
    /**
     * Base64 key of at least 32 bytes that signs tokens; every node of a cluster needs the same one.
     *
     * @since 0.1
     */
    public static final String SECRET = "stickyuploads.secret";
    /**
     * Comma-separated older keys that still verify tokens during a rotation.
     *
     * @since 0.1
     */
    public static final String PREVIOUS_SECRETS = "stickyuploads.secret.previous";
    /**
     * Largest accepted file: bytes, or a number with a K, M or G suffix.
     *
     * @since 0.1
     */
    public static final String MAX_SIZE = "stickyuploads.max-size";
    /**
     * Comma-separated media types or wildcards, checked against the type sniffed from the content.
     *
     * @since 0.1
     */
    public static final String ALLOWED_TYPES = "stickyuploads.allowed-types";
    /**
     * ISO-8601 lifetime of a token and of its temporary file.
     *
     * @since 0.1
     */
    public static final String EXPIRY = "stickyuploads.expiry";
    /**
     * ISO-8601 interval between purges of expired uploads.
     *
     * @since 0.1
     */
    public static final String CLEANUP_INTERVAL = "stickyuploads.cleanup-interval";
    /**
     * Root folder of the {@code temp} storage; it also keeps the generated secret. It must be a real folder of
     * the server's user, closed to everyone else.
     * @since 0.1
     */
    public static final String TEMP_PATH = "stickyuploads.temp.path";
    /**
     * The folder under {@code java.io.tmpdir} that holds each application's default {@value #TEMP_PATH}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_TEMP_FOLDER = "sticky-uploads";
    /**
     * The identity of the application that tokens are bound to and that names its default {@value #TEMP_PATH}:
     * every server of one application needs the same value, two applications that share a secret different ones.
     * @since 0.1
     */
    public static final String APPLICATION = "stickyuploads.application";
    /**
     * How many live temporary uploads one user may have; beyond, uploads are refused with 429.
     *
     * @since 0.1
     */
    public static final String QUOTA_FILES = "stickyuploads.quota.files";
    /**
     * How many bytes one user's live temporary uploads may take; beyond, uploads are refused with 429.
     *
     * @since 0.1
     */
    public static final String QUOTA_BYTES = "stickyuploads.quota.bytes";
    /**
     * Default of {@value #QUOTA_FILES}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_QUOTA_FILES = "20";
    /**
     * Default of {@value #QUOTA_BYTES}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_QUOTA_BYTES = "100M";
    /**
     * Root folder of the {@code directory} storage, e.g. a mount that all servers share.
     *
     * @since 0.1
     */
    public static final String DIRECTORY_PATH = "stickyuploads.directory.path";
    /**
     * JNDI name of the DataSource of the {@code jdbc} storage.
     *
     * @since 0.1
     */
    public static final String JDBC_DATASOURCE = "stickyuploads.jdbc.datasource";
    /**
     * Default of {@value #JDBC_DATASOURCE}: the platform's default DataSource.
     *
     * @since 0.1
     */
    public static final String DEFAULT_JDBC_DATASOURCE = "java:comp/DefaultDataSource";
    /**
     * Base name of an application bundle whose keys override the library's messages, e.g. {@code messages}
     * for {@code messages.properties} and {@code messages_de.properties} on the application's classpath.
     * @since 0.1
     */
    public static final String MESSAGES = "stickyuploads.messages";

    /**
     * Default of {@value #STORAGE}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_STORAGE = "temp";
    /**
     * Default of {@value #MAX_SIZE}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_MAX_SIZE = "10M";
    /**
     * Default of {@value #ALLOWED_TYPES}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_ALLOWED_TYPES = "*/*";
    /**
     * Default of {@value #EXPIRY}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_EXPIRY = "PT24H";
    /**
     * Default of {@value #CLEANUP_INTERVAL}.
     *
     * @since 0.1
     */
    public static final String DEFAULT_CLEANUP_INTERVAL = "PT15M";

    private static final int MIN_SECRET_BYTES = 32;

    private String storage;
    private Optional<byte[]> secret;
    private List<byte[]> previousSecrets;
    private DataSize maxSize;
    private List<MediaTypeRange> allowedTypes;
    private Duration expiry;
    private Duration cleanupInterval;
    private Optional<Path> configuredTempPath;
    private Optional<String> configuredApplication;
    private volatile String application;
    private long quotaFiles;
    private DataSize quotaBytes;
    private Optional<Path> directoryPath;
    private String jdbcDataSource;

    /**
     * For the CDI proxy only.
     *
     * @since 0.1
     */
    protected StickyUploadsConfig() {
    }

    /**
     * Reads and checks every setting.
     *
     * @param config the application's MicroProfile Config
     * @throws InvalidConfigurationException if a value cannot be used
     * @since 0.1
     */
    @Inject
    public StickyUploadsConfig(Config config) {
        this(key -> config.getOptionalValue(key, String.class));
    }

    /**
     * Reads and checks every setting from any source, e.g. a map in a test.
     *
     * @param source the raw value of a key, empty when it is not set
     * @throws InvalidConfigurationException if a value cannot be used
     * @since 0.1
     */
    public StickyUploadsConfig(Function<String, Optional<String>> source) {
        storage = source.apply(STORAGE).map(String::trim).orElse(DEFAULT_STORAGE);
        if (storage.isEmpty()) {
            throw new InvalidConfigurationException(STORAGE, "the storage name is empty");
        }
        secret = source.apply(SECRET).map(value -> secretKey(SECRET, value));
        previousSecrets = source.apply(PREVIOUS_SECRETS).map(StickyUploadsConfig::commaSeparated).orElse(List.of())
                .stream().map(value -> secretKey(PREVIOUS_SECRETS, value)).toList();
        maxSize = parse(MAX_SIZE, source.apply(MAX_SIZE).orElse(DEFAULT_MAX_SIZE), DataSize::parse);
        if (maxSize.bytes() == 0) {
            throw new InvalidConfigurationException(MAX_SIZE, "must be more than 0 bytes");
        }
        allowedTypes = commaSeparated(source.apply(ALLOWED_TYPES).orElse(DEFAULT_ALLOWED_TYPES)).stream()
                .map(value -> parse(ALLOWED_TYPES, value, MediaTypeRange::parse)).toList();
        if (allowedTypes.isEmpty()) {
            throw new InvalidConfigurationException(ALLOWED_TYPES, "list at least one media type, or */* for any");
        }
        expiry = positiveDuration(EXPIRY, source.apply(EXPIRY).orElse(DEFAULT_EXPIRY));
        cleanupInterval = positiveDuration(CLEANUP_INTERVAL, source.apply(CLEANUP_INTERVAL).orElse(DEFAULT_CLEANUP_INTERVAL));
        configuredTempPath = source.apply(TEMP_PATH).map(value -> parse(TEMP_PATH, value, Path::of).toAbsolutePath());
        configuredApplication = source.apply(APPLICATION).map(String::trim);
        if (configuredApplication.filter(String::isEmpty).isPresent()) {
            throw new InvalidConfigurationException(APPLICATION, "the application name is empty");
        }
        quotaFiles = parse(QUOTA_FILES, source.apply(QUOTA_FILES).orElse(DEFAULT_QUOTA_FILES), Long::parseLong);
        if (quotaFiles < 1) {
            throw new InvalidConfigurationException(QUOTA_FILES, "must be at least 1");
        }
        quotaBytes = parse(QUOTA_BYTES, source.apply(QUOTA_BYTES).orElse(DEFAULT_QUOTA_BYTES), DataSize::parse);
        if (quotaBytes.bytes() == 0) {
            throw new InvalidConfigurationException(QUOTA_BYTES, "must be more than 0 bytes");
        }
        directoryPath = source.apply(DIRECTORY_PATH).map(value -> parse(DIRECTORY_PATH, value, Path::of));
        jdbcDataSource = source.apply(JDBC_DATASOURCE).map(String::trim).orElse(DEFAULT_JDBC_DATASOURCE);
    }

    /**
     * @return the name of the storage that keeps uploads ({@value #STORAGE})
     * @since 0.1
     */
    public String storage() {
        return storage;
    }

    /**
     * @return the configured signing key ({@value #SECRET}), empty when one is to be generated
     * @since 0.1
     */
    public Optional<byte[]> secret() {
        return secret.map(byte[]::clone);
    }

    /**
     * @return older keys that still verify tokens ({@value #PREVIOUS_SECRETS})
     * @since 0.1
     */
    public List<byte[]> previousSecrets() {
        return previousSecrets.stream().map(byte[]::clone).toList();
    }

    /**
     * @return the largest accepted file ({@value #MAX_SIZE})
     * @since 0.1
     */
    public DataSize maxSize() {
        return maxSize;
    }

    /**
     * @return the media types an upload may have ({@value #ALLOWED_TYPES})
     * @since 0.1
     */
    public List<MediaTypeRange> allowedTypes() {
        return allowedTypes;
    }

    /**
     * @param mediaType a sniffed media type
     * @return whether {@value #ALLOWED_TYPES} admits it
     * @since 0.1
     */
    public boolean isAllowedType(String mediaType) {
        return allowedTypes.stream().anyMatch(range -> range.includes(mediaType));
    }

    /**
     * @return how long a token and its temporary file live ({@value #EXPIRY})
     * @since 0.1
     */
    public Duration expiry() {
        return expiry;
    }

    /**
     * @return how often expired uploads are purged ({@value #CLEANUP_INTERVAL})
     * @since 0.1
     */
    public Duration cleanupInterval() {
        return cleanupInterval;
    }

    /**
     * @return the root folder of the {@code temp} storage ({@value #TEMP_PATH}); by default a folder named after
     *         the {@link #application()} in {@code ${java.io.tmpdir}/}{@value #DEFAULT_TEMP_FOLDER}
     * @since 0.1
     */
    public Path tempPath() {
        return configuredTempPath.orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_TEMP_FOLDER,
                folderName(application())).toAbsolutePath());
    }

    /**
     * @return whether {@value #TEMP_PATH} is the default, in the folder that every application's default shares
     * @since 0.1
     */
    public boolean isDefaultTempPath() {
        return configuredTempPath.isEmpty();
    }

    /**
     * @return the application's identity ({@value #APPLICATION}): the configured value, else the name the server
     *         gives the application ({@code java:app/AppName}: the WAR's {@code <module-name>} or file name)
     * @throws InvalidConfigurationException if it is not configured and the server does not tell
     * @since 0.1
     */
    public String application() {
        if (application == null) {
            application = configuredApplication.orElseGet(() -> {
                try {
                    return InitialContext.doLookup("java:app/AppName");
                } catch (NamingException | ClassCastException e) {
                    throw new InvalidConfigurationException(APPLICATION, "the server does not tell the application's "
                            + "name (java:app/AppName); set " + APPLICATION + " to a name of your choice");
                }
            });
        }
        return application;
    }

    /**
     * @return how many live temporary uploads one user may have ({@value #QUOTA_FILES})
     * @since 0.1
     */
    public long quotaFiles() {
        return quotaFiles;
    }

    /**
     * @return how many bytes one user's live temporary uploads may take ({@value #QUOTA_BYTES})
     * @since 0.1
     */
    public DataSize quotaBytes() {
        return quotaBytes;
    }

    /**
     * @return the root folder of the {@code directory} storage ({@value #DIRECTORY_PATH})
     * @throws InvalidConfigurationException if it is not set
     * @since 0.1
     */
    public Path directoryPath() {
        return directoryPath.orElseThrow(() -> new InvalidConfigurationException(DIRECTORY_PATH,
                "the directory storage needs it: a folder that every server mounts, e.g. /mnt/shared/sticky-uploads"));
    }

    /**
     * @return the JNDI name of the {@code jdbc} storage's DataSource ({@value #JDBC_DATASOURCE})
     * @since 0.1
     */
    public String jdbcDataSource() {
        return jdbcDataSource;
    }

    /** A folder name for an application name: its safe characters, and a digest when that changed or shortened it. */
    private static String folderName(String application) {
        String safe = application.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "_");
        if (safe.equals(application) && safe.length() <= 64) {
            return safe;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(application.getBytes(StandardCharsets.UTF_8));
            return safe.substring(0, Math.min(safe.length(), 48)) + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException(key, e.getMessage());
        }
    }

    private static Duration positiveDuration(String key, String value) {
        Duration duration;
        try {
            duration = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidConfigurationException(key, "'" + value + "' is not an ISO-8601 duration such as PT24H or PT15M");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidConfigurationException(key, "must be longer than zero, e.g. PT15M");
        }
        return duration;
    }

    private static byte[] secretKey(String key, String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, "is not base64; generate one with 'openssl rand -base64 32'");
        }
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new InvalidConfigurationException(key, "is " + bytes.length + " bytes long; it needs at least "
                    + MIN_SECRET_BYTES + " (generate one with 'openssl rand -base64 32')");
        }
        return bytes;
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }
}
