package io.github.stickyuploads.storage;

import io.github.stickyuploads.config.StickyUploadsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The default storage, {@code temp}: a {@link FileSystemStorage} under
 * {@value io.github.stickyuploads.config.StickyUploadsConfig#TEMP_PATH} (by default
 * {@code ${java.io.tmpdir}/sticky-uploads}). Like the original's, it is private to one server and serves
 * nothing over HTTP; for several servers pick a shared storage.
 *
 * <pre>
 * stickyuploads.storage=temp
 * stickyuploads.temp.path=/var/tmp/myapp-uploads
 * </pre>
 *
 * @since 0.1
 */
@Named(TempStorage.NAME)
@ApplicationScoped
public class TempStorage extends FileSystemStorage {

    /** The name that selects this storage. */
    public static final String NAME = "temp";

    @Inject
    StickyUploadsConfig config;

    @PostConstruct
    void init() {
        useRoot(config.tempPath());
    }
}
