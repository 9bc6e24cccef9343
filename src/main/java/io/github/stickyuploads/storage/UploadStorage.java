package io.github.stickyuploads.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where temporary uploads live between the background upload and the form submit that claims them: the
 * storage SPI. The library ships {@code temp} ({@link TempStorage}, the default); the configuration key
 * {@value io.github.stickyuploads.config.StickyUploadsConfig#STORAGE} picks a storage by its CDI
 * {@code @Named} name.
 *
 * <h2>Usage: your own storage</h2>
 * <pre>
 * &#64;Named("s3") &#64;ApplicationScoped
 * public class S3Storage implements UploadStorage {
 *     public StoredObject store(InputStream content, UploadMetadata metadata) throws IOException { ... }
 *     ...
 * }
 * </pre>
 * and in {@code META-INF/microprofile-config.properties}: {@code stickyuploads.storage=s3}. A storage bean
 * needs no constructor arguments.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li>Ids are chosen by the storage, URL-safe ({@code [A-Za-z0-9_-]}) and at most {@value #MAX_ID_LENGTH}
 * characters. Every method must treat an id it did not issue as unknown, never as a path.</li>
 * <li>{@link #store} reads the stream to its end. When it throws, nothing of the upload may remain. An
 * {@link IOException} thrown by the stream itself (for example {@link SizeLimitExceededException}) must
 * propagate unchanged.</li>
 * <li>All methods may be called concurrently, also from several servers sharing the storage.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface UploadStorage {

    /** The longest id a storage may issue. */
    int MAX_ID_LENGTH = 64;

    /**
     * Stores an upload as it streams in.
     *
     * @param content the bytes; it enforces the size limit itself by throwing {@link SizeLimitExceededException}
     * @param metadata what is known before the bytes arrive, including when the upload expires
     * @return the id and the number of bytes stored
     * @throws InsufficientStorageException when there is no room left (answered with 507)
     * @throws IOException when the stream fails or the storage is unavailable (answered with 503)
     */
    StoredObject store(InputStream content, UploadMetadata metadata) throws IOException;

    /**
     * @param id an id, possibly forged
     * @return the size of the stored bytes, or empty when there is no such upload (any more)
     * @throws IOException when the storage cannot be asked
     */
    OptionalLong size(String id) throws IOException;

    /**
     * @param id an id returned by {@link #store}
     * @return the stored bytes; the caller closes the stream
     * @throws java.nio.file.NoSuchFileException when there is no such upload (any more)
     * @throws IOException when the storage cannot be read
     */
    InputStream open(String id) throws IOException;

    /**
     * Removes an upload and everything kept for it.
     *
     * @param id an id, possibly forged or already deleted
     * @return whether something was removed
     * @throws IOException when the storage cannot be changed
     */
    boolean delete(String id) throws IOException;

    /**
     * Removes every upload whose {@link UploadMetadata#expires()} lies before {@code now}, and what
     * interrupted uploads left behind. Safe to run on several servers at once.
     *
     * @param now the current time
     * @return the uploads that were removed (not what an interrupted upload left behind)
     * @throws IOException when the storage cannot be listed or changed
     */
    List<ExpiredUpload> purgeExpired(Instant now) throws IOException;

    /**
     * Tells what a user's live uploads take, so that {@value io.github.stickyuploads.config.StickyUploadsConfig#QUOTA_FILES}
     * and {@value io.github.stickyuploads.config.StickyUploadsConfig#QUOTA_BYTES} can be enforced. A storage that
     * cannot tell returns empty, and its uploads are limited by the size limit alone.
     *
     * @param owner a user's principal name
     * @param now the current time: uploads that expired before it do not count
     * @return the usage, or empty when this storage cannot tell
     * @throws IOException when the storage cannot be asked
     */
    default Optional<OwnerUsage> usage(String owner, Instant now) throws IOException {
        return Optional.empty();
    }

    /**
     * Whether several servers can share this storage, so that an upload accepted by one is claimed on another.
     * Such a storage needs {@value io.github.stickyuploads.config.StickyUploadsConfig#SECRET}: with a secret
     * generated per server, no server could read another's tokens, so the deployment stops instead.
     *
     * @return false by default
     */
    default boolean isSharedBetweenServers() {
        return false;
    }

    /**
     * Checks the storage's configuration while the application starts, so that a mistake stops the
     * deployment instead of failing the first upload. Called once, for the configured storage.
     *
     * @throws io.github.stickyuploads.config.InvalidConfigurationException when the storage cannot work as configured
     */
    default void verify() {
    }
}
