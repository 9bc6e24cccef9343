/**
 * Where temporary uploads wait for the form that claims them: the storage SPI
 * {@link io.github.stickyuploads.storage.UploadStorage} and the built-in storages {@code temp}
 * ({@link io.github.stickyuploads.storage.TempStorage}), {@code directory}
 * ({@link io.github.stickyuploads.storage.DirectoryStorage}) and {@code jdbc}
 * ({@link io.github.stickyuploads.storage.JdbcStorage}). {@code stickyuploads.storage} picks one by its
 * {@code @Named} name.
 *
 * <h2>Usage: your own storage</h2>
 * <pre>
 * &#64;Named("vault") &#64;ApplicationScoped
 * public class VaultStorage implements UploadStorage { ... }
 * </pre>
 *
 * @since 0.1
 */
package io.github.stickyuploads.storage;
