package io.github.stickyuploads.it.storage;

import io.github.stickyuploads.storage.FileSystemStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** An application's own storage, chosen by stickyuploads.storage=recording. */
@Named("recording")
@ApplicationScoped
public class RecordingStorage extends FileSystemStorage {

    public RecordingStorage() {
        super(Path.of(ConfigProvider.getConfig().getValue("test.recording-storage", String.class)));
    }
}
