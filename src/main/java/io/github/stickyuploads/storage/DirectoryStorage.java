package io.github.stickyuploads.storage;

import io.github.stickyuploads.config.StickyUploadsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The {@code directory} storage: a {@link FileSystemStorage} under
 * {@value io.github.stickyuploads.config.StickyUploadsConfig#DIRECTORY_PATH}, a folder that all servers
 * mount (NFS, SMB, a cloud file share). Several servers may write, read and purge it at once: every upload
 * has its own randomly named folder created atomically, its metadata is written before its bytes, a delete or
 * purge renames a folder before removing it so that only one server reports it, and a purge tolerates files
 * that another server removes meanwhile.
 *
 * <pre>
 * stickyuploads.storage=directory
 * stickyuploads.directory.path=/mnt/shared/sticky-uploads
 * stickyuploads.secret=...the same base64 key on every server...
 * </pre>
 *
 * @since 0.1
 */
@Named(DirectoryStorage.NAME)
@ApplicationScoped
public class DirectoryStorage extends FileSystemStorage {

    /**
     * The name that selects this storage.
     *
     * @since 0.1
     */
    public static final String NAME = "directory";

    /**
     * For CDI's client proxy only.
     *
     * @since 0.1
     */
    protected DirectoryStorage() {
    }

    /**
     * @param config names the root
     * @throws io.github.stickyuploads.config.InvalidConfigurationException if
     *         {@value io.github.stickyuploads.config.StickyUploadsConfig#DIRECTORY_PATH} is not set
     * @since 0.1
     */
    @Inject
    public DirectoryStorage(StickyUploadsConfig config) {
        super(config.directoryPath());
    }

    @Override
    public boolean isSharedBetweenServers() {
        return true;
    }
}
