package io.github.stickyuploads.it.faults;

import io.github.stickyuploads.storage.FileSystemStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** A storage whose folder the test can make unusable (a plain file in its place), and usable again. */
@Named("breakable")
@ApplicationScoped
public class BrokenStorage extends FileSystemStorage {

    public BrokenStorage() {
        super(Path.of(ConfigProvider.getConfig().getValue("test.breakable-storage", String.class)));
    }
}
