package io.github.stickyuploads.storage;

import io.github.stickyuploads.config.StickyUploadsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The {@code directory} storage: a {@link FileSystemStorage} under
 * {@value io.github.stickyuploads.config.StickyUploadsConfig#DIRECTORY_PATH}, a folder that all servers
 * mount (NFS, SMB, a cloud file share). Several servers may write, read and purge it at once: every upload
 * has its own randomly named folder created atomically, its metadata is written before its bytes, and a
 * purge tolerates files that another server removes meanwhile.
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

    /** The name that selects this storage. */
    public static final String NAME = "directory";

    @Inject
    StickyUploadsConfig config;

    @PostConstruct
    void init() {
        useRoot(config.directoryPath());
    }

    @Override
    public boolean isSharedBetweenServers() {
        return true;
    }
}
