package io.github.stickyuploads.storage;

import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.files.PrivateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The default storage, {@code temp}: a {@link FileSystemStorage} under
 * {@value io.github.stickyuploads.config.StickyUploadsConfig#TEMP_PATH}, by default a folder of this
 * application's own in {@code ${java.io.tmpdir}/sticky-uploads}. Like the original's, it is private to one
 * server and serves nothing over HTTP; for several servers pick a shared storage. At startup it refuses a root
 * that is a symbolic link, belongs to another user or is open to others.
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

    /**
     * The name that selects this storage.
     *
     * @since 0.1
     */
    public static final String NAME = "temp";

    private final StickyUploadsConfig config;

    /**
     * For CDI's client proxy only.
     *
     * @since 0.1
     */
    protected TempStorage() {
        this.config = null;
    }

    /**
     * @param config names the root
     * @since 0.1
     */
    @Inject
    public TempStorage(StickyUploadsConfig config) {
        super(config.tempPath());
        this.config = config;
    }

    /**
     * Creates the root, or checks the one that is there.
     *
     * @throws io.github.stickyuploads.config.InvalidConfigurationException if the root is not private to this
     *         server's user
     * @since 0.1
     */
    @Override
    public void verify() {
        try {
            PrivateFiles.tempRoot(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload folder " + root(), e);
        }
    }
}
