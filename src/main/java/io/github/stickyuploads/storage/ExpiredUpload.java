package io.github.stickyuploads.storage;

/**
 * An upload that {@link UploadStorage#purgeExpired} removed.
 *
 * @param id the storage's id
 * @param metadata what was known of it when it was stored
 * @param size its bytes
 * @since 0.1
 */
public record ExpiredUpload(String id, UploadMetadata metadata, long size) {
}
