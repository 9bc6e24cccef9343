package io.github.stickyuploads.it.endpoint;

import io.github.stickyuploads.storage.FileSystemStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** The storage of the second endpoint: a folder named by the test's configuration. */
@Named(CvStorage.NAME)
@ApplicationScoped
public class CvStorage extends FileSystemStorage {

    public static final String NAME = "cv-files";

    public CvStorage() {
        super(Path.of(ConfigProvider.getConfig().getValue("test.cv-storage", String.class)));
    }
}
