package io.github.stickyuploads.storage;

/**
 * What one user's live (not yet expired) temporary uploads take in a storage, for the quotas.
 *
 * @param files how many uploads
 * @param bytes their bytes in all
 * @since 0.1
 */
public record OwnerUsage(long files, long bytes) {
}
