package io.github.stickyuploads.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where temporary uploads live between the background upload and the form submit that claims them: the
 * storage SPI. The library ships {@code temp} ({@link TempStorage}, the default), {@code directory}
 * ({@link DirectoryStorage}) and {@code jdbc} ({@link JdbcStorage}); the configuration key
 * {@value io.github.stickyuploads.config.StickyUploadsConfig#STORAGE} picks a storage by its CDI
 * {@code @Named} name.
 *
 * <h2>Usage: your own storage</h2>
 * <pre>
 * &#64;Named("vault") &#64;ApplicationScoped
 * public class VaultStorage implements UploadStorage {
 *     public StoredObject store(UploadContent content, UploadMetadata metadata) throws IOException { ... }
 *     ...
 * }
 * </pre>
 * and in {@code META-INF/microprofile-config.properties}: {@code stickyuploads.storage=vault}. A storage bean
 * needs no constructor arguments.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li>Ids are chosen by the storage, URL-safe ({@code [A-Za-z0-9_-]}) and at most {@value #MAX_ID_LENGTH}
 * characters. Every method must treat an id it did not issue as unknown, never as a path.</li>
 * <li>{@link #store} reads the content to its end. When it throws, for whatever reason, nothing of the upload
 * may remain. It need not tell why the stream failed: the library knows whether the client or the storage
 * failed, whatever exception the storage throws.</li>
 * <li>{@link #delete} removes an upload at most once: of several concurrent calls for one id, on one server or
 * several, exactly one returns {@code true}.</li>
 * <li>All methods may be called concurrently, also from several servers sharing the storage.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface UploadStorage {

    /**
     * The longest id a storage may issue.
     *
     * @since 0.1
     */
    int MAX_ID_LENGTH = 64;

    /**
     * Stores an upload as it streams in.
     *
     * @param content the bytes, measured as they pass; once read to the end, {@link UploadContent#size()} and
     *        {@link UploadContent#sha256()} tell what was received. Reading it fails when the upload breaks a
     *        limit or the client goes away; let that failure end the store.
     * @param metadata what is known before the bytes arrive, including when the upload expires
     * @return the id of the stored upload
     * @throws InsufficientStorageException when there is no room left (answered with 507)
     * @throws IOException when the storage is unavailable (answered with 503), or the content failed
     * @since 0.1
     */
    StoredObject store(UploadContent content, UploadMetadata metadata) throws IOException;

    /**
     * @param id an id, possibly forged
     * @return the size of the stored bytes, or empty when there is no such upload (any more)
     * @throws IOException when the storage cannot be asked
     * @since 0.1
     */
    OptionalLong size(String id) throws IOException;

    /**
     * @param id an id, possibly forged or already deleted
     * @return the stored bytes, which the caller closes, or empty when there is no such upload (any more)
     * @throws IOException when the storage cannot be read
     * @since 0.1
     */
    Optional<InputStream> open(String id) throws IOException;

    /**
     * Removes an upload and everything kept for it.
     *
     * @param id an id, possibly forged or already deleted
     * @return whether this call removed it; false when it was not there (any more)
     * @throws IOException when the storage cannot be changed
     * @since 0.1
     */
    boolean delete(String id) throws IOException;

    /**
     * Removes every upload whose {@link UploadMetadata#expires()} lies before {@code now}, and what
     * interrupted uploads left behind. Safe to run on several servers at once: each upload is reported by one
     * purge only.
     *
     * @param now the current time
     * @return the uploads that this call removed (not what an interrupted upload left behind)
     * @throws IOException when the storage cannot be listed or changed
     * @since 0.1
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
     * @since 0.1
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
     * @since 0.1
     */
    default boolean isSharedBetweenServers() {
        return false;
    }

    /**
     * Checks the storage's configuration while the application starts, so that a mistake stops the
     * deployment instead of failing the first upload. Called once, for each storage an endpoint uses.
     *
     * @throws io.github.stickyuploads.config.InvalidConfigurationException when the storage cannot work as configured
     * @since 0.1
     */
    default void verify() {
    }
}
